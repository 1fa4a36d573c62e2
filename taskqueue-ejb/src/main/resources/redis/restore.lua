--[[
  restore: puts back jobs that PostgreSQL says are waiting but Redis no longer holds: after a
  FLUSHALL, a restart without persistence, a failover, or Redis being down when they were
  submitted. A job Redis still holds anywhere (listed, delayed or leased) is left alone, so
  running this on every node, as often as wanted, never doubles a job.

  Input:
    KEYS[1] queue:high     KEYS[4] delayed:high     KEYS[7]  queued
    KEYS[2] queue:medium   KEYS[5] delayed:medium   KEYS[8]  inflight
    KEYS[3] queue:low      KEYS[6] delayed:low      KEYS[9]  lease
                                                    KEYS[10] wake
    ARGV[1] wake token cap
    ARGV[2], ARGV[3], ARGV[4], ... triples: job id, priority index 1..3, due time in ms
            (0: queued now, into its list; otherwise a retry, into its delayed set)

  Output:
    the number of jobs put back
]]
--- @include "wake"
local restored = 0
for i = 2, #ARGV, 3 do
  local id = ARGV[i]
  local p = tonumber(ARGV[i + 1])
  local due = tonumber(ARGV[i + 2])
  local held = redis.call('SISMEMBER', KEYS[7], id) == 1
    or redis.call('ZSCORE', KEYS[8], id)
    or redis.call('HEXISTS', KEYS[9], id) == 1
    or redis.call('ZSCORE', KEYS[3 + p], id)
  if not held then
    if due > 0 then
      redis.call('ZADD', KEYS[3 + p], due, id)
    else
      redis.call('RPUSH', KEYS[p], id)
      redis.call('SADD', KEYS[7], id)
    end
    restored = restored + 1
  end
end
wake(KEYS[10], restored, tonumber(ARGV[1]))
return restored
