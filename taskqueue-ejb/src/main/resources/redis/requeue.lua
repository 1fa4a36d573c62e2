--[[
  requeue: ends an expired lease and puts its job back at the head of its priority list (it has
  waited already), waking a worker. Several nodes may recover the same lease: only the first
  call whose lease id matches acts.

  Input:
    KEYS[1] queue:high    KEYS[4] inflight   KEYS[6] wake
    KEYS[2] queue:medium  KEYS[5] lease      KEYS[7] queued
    KEYS[3] queue:low
    ARGV[1] job id
    ARGV[2] lease id that expired ("0" for an inflight entry without lease)
    ARGV[3] priority index 1..3
    ARGV[4] wake token cap

  Output:
    1 when the job was requeued, 0 when the lease had already changed (nothing changes)
]]
local held = redis.call('HGET', KEYS[5], ARGV[1])
if held and string.sub(held, 1, #ARGV[2] + 1) ~= ARGV[2] .. '|' then
  return 0
end
if not held and redis.call('ZSCORE', KEYS[4], ARGV[1]) == false then
  return 0
end
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('LPUSH', KEYS[tonumber(ARGV[3])], ARGV[1])
redis.call('SADD', KEYS[7], ARGV[1])
if redis.call('LLEN', KEYS[6]) < tonumber(ARGV[4]) then
  redis.call('RPUSH', KEYS[6], '1')
end
return 1
