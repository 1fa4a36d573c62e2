--[[
  ack: ends leases because their attempts are over (completed, dead, or not runnable): the jobs
  leave Redis.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    ARGV[1], ARGV[2], ... pairs of (job id, lease id of the caller's claim)

  Output:
    how many leases ended. A lease that is no longer the caller's (expired and claimed again, or
    already gone) is left as it is.
]]
--- @include "lease_is"
local ended = 0
for i = 1, #ARGV, 2 do
  local id, lease = ARGV[i], ARGV[i + 1]
  local held = redis.call('HGET', KEYS[2], id)
  if leaseIs(held, lease) then
    redis.call('HDEL', KEYS[2], id)
    redis.call('ZREM', KEYS[1], id)
    ended = ended + 1
  end
end
return ended
