--[[
  requeue: ends a lease whose attempt is over without an outcome (expired, or handed back) and
  puts its job back at the head of its priority list (it has waited already), waking a worker; a
  job whose next attempt is not due yet (a recorded failure's backoff) goes to its delayed set
  instead. Several nodes may recover the same lease: only the first call whose lease id matches
  acts.

  Input:
    KEYS[1] queue:high    KEYS[4] inflight   KEYS[6] wake
    KEYS[2] queue:medium  KEYS[5] lease      KEYS[7] queued
    KEYS[3] queue:low     KEYS[8] delayed:<priority>
    ARGV[1] job id
    ARGV[2] lease id that expired ("0" for an inflight entry without lease)
    ARGV[3] priority index 1..3
    ARGV[4] wake token cap
    ARGV[5] when the job is due, in ms (Redis clock); 0 or a past time for now

  Output:
    1 when the job was requeued, 0 when the lease had already changed (nothing changes)
]]
--- @include "now_ms"
--- @include "lease_is"
--- @include "wake"
local held = redis.call('HGET', KEYS[5], ARGV[1])
if held and not leaseIs(held, ARGV[2]) then
  return 0
end
if not held and redis.call('ZSCORE', KEYS[4], ARGV[1]) == false then
  return 0
end
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
local due = tonumber(ARGV[5] or '0')
if due > nowMs() then
  redis.call('ZADD', KEYS[8], due, ARGV[1])
  return 1
end
redis.call('LPUSH', KEYS[tonumber(ARGV[3])], ARGV[1])
redis.call('SADD', KEYS[7], ARGV[1])
wake(KEYS[6], 1, tonumber(ARGV[4]))
return 1
