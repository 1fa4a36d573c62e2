--[[
  retryLater: ends a lease whose attempt failed and schedules the job's next attempt.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    KEYS[3] delayed:<priority>   sorted set: job id scored by due time (ms, Redis clock)
    ARGV[1] job id
    ARGV[2] lease id of the caller's claim
    ARGV[3] delay in ms

  Output:
    the due time in ms, or false when the lease was not the caller's (nothing changes)
]]
--- @include "now_ms"
--- @include "lease_is"
local held = redis.call('HGET', KEYS[2], ARGV[1])
if not leaseIs(held, ARGV[2]) then
  return false
end
local due = nowMs() + tonumber(ARGV[3])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[3], due, ARGV[1])
return due
