--[[
  promoteDue: moves jobs whose delay has passed to the tail of their priority list.
  Safe to run on every node at once: each job moves exactly once.

  Input:
    KEYS[1] delayed:high     KEYS[4] queue:high
    KEYS[2] delayed:medium   KEYS[5] queue:medium
    KEYS[3] delayed:low      KEYS[6] queue:low
    KEYS[7] wake
    KEYS[8] queued          set: ids in the priority lists
    ARGV[1] the most jobs to move per priority in one call
    ARGV[2] wake token cap

  Output:
    the number of jobs moved
]]
--- @include "now_ms"
--- @include "wake"
local now = nowMs()
local moved = 0
for p = 1, 3 do
  local due = redis.call('ZRANGEBYSCORE', KEYS[p], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))
  if #due > 0 then
    redis.call('ZREM', KEYS[p], unpack(due))
    redis.call('RPUSH', KEYS[p + 3], unpack(due))
    redis.call('SADD', KEYS[8], unpack(due))
    moved = moved + #due
  end
end
wake(KEYS[7], moved, tonumber(ARGV[2]))
return moved
