--[[
  ack: ends a lease because its attempt is over (completed, dead, or not runnable): the job
  leaves Redis.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    ARGV[1] job id
    ARGV[2] lease id of the caller's claim

  Output:
    1 when the lease was the caller's and is now gone, 0 when it was not the caller's
    (expired and claimed again, or already gone): then nothing changes.
]]
local held = redis.call('HGET', KEYS[2], ARGV[1])
if not held or string.sub(held, 1, #ARGV[2] + 1) ~= ARGV[2] .. '|' then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return 1
