--[[
  extendLease: the heartbeat of a running attempt: pushes its lease deadline forward, so a long
  job never loses its lease while its worker lives.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    ARGV[1] job id
    ARGV[2] lease id of the caller's claim
    ARGV[3] lease duration in ms, counted from now (Redis clock)

  Output:
    the new deadline in ms, or false when the lease is no longer the caller's (it expired and was
    recovered): the attempt has lost the job and its outcome will be rejected.
]]
local held = redis.call('HGET', KEYS[2], ARGV[1])
if not held or string.sub(held, 1, #ARGV[2] + 1) ~= ARGV[2] .. '|' then
  return false
end
local now = redis.call('TIME')
local deadline = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + tonumber(ARGV[3])
redis.call('ZADD', KEYS[1], deadline, ARGV[1])
return deadline
