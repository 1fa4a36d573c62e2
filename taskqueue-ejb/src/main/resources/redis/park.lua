--[[
  park: ends the lease of a job its node cannot run (it has no handler for the job's type) and
  parks the job under its type, where only nodes that run the type take it from (unpark.lua). A
  node without the type never sees it again, so a job waiting for a node that runs it costs
  nothing while it waits. The job stays in the queued set: reconciliation and enqueues see it as
  held, as they do a listed job.

  Input:
    KEYS[1] inflight   KEYS[2] lease   KEYS[3] queued   KEYS[4] parked:<type>
    ARGV[1] job id
    ARGV[2] lease id that held it
    ARGV[3] priority index 1..3

  Output:
    1 when the job was parked, 0 when the lease had changed meanwhile (nothing changes)
]]
--- @include "lease_is"
local held = redis.call('HGET', KEYS[2], ARGV[1])
if not held or not leaseIs(held, ARGV[2]) then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('LPUSH', KEYS[4], ARGV[1] .. '|' .. ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
