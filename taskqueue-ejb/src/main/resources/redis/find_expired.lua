--[[
  findExpired: lists leases whose deadline has passed: their workers died, froze or lost Redis.
  Reads only; recovery then decides per job (PostgreSQL first) and calls requeue or ack.

  Input:
    KEYS[1] inflight
    KEYS[2] lease
    ARGV[1] the most leases to return

  Output:
    a flat list: job id, lease value ("<lease id>|<priority index>|<worker id>"), job id, ...
    A job in inflight without a lease value is returned with the value "0|3|" so that it is
    still recovered (at low priority).
]]
--- @include "now_ms"
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', nowMs(), 'LIMIT', 0, tonumber(ARGV[1]))
local out = {}
for i = 1, #ids do
  out[#out + 1] = ids[i]
  out[#out + 1] = redis.call('HGET', KEYS[2], ids[i]) or '0|3|'
end
return out
