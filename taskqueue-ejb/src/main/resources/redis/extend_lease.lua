--[[
  extendLease: the heartbeat of running attempts: pushes their lease deadlines forward, so a long
  job never loses its lease while its worker lives.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    ARGV[1] lease duration in ms, counted from now (Redis clock)
    ARGV[2], ARGV[3], ... pairs of (job id, lease id of the caller's claim)

  Output:
    the ids of the jobs whose lease is no longer the caller's (it expired and was recovered):
    those attempts have lost their jobs and their outcomes will be rejected. The other leases now
    end ARGV[1] ms from now.
]]
--- @include "now_ms"
--- @include "lease_is"
local deadline = nowMs() + tonumber(ARGV[1])
local lost = {}
for i = 2, #ARGV, 2 do
  local id, lease = ARGV[i], ARGV[i + 1]
  local held = redis.call('HGET', KEYS[2], id)
  if leaseIs(held, lease) then
    redis.call('ZADD', KEYS[1], deadline, id)
  else
    lost[#lost + 1] = id
  end
end
return lost
