--[[
  unpark: moves jobs parked under the types a node runs back to the head of their priority lists
  (they have waited already), the oldest in front, waking workers. Called by every node that runs those
  types, a few times a second; each parked job moves once, whichever node moves it.

  Input:
    KEYS[1] queue:high   KEYS[4] wake
    KEYS[2] queue:medium KEYS[5], KEYS[6], ... parked:<type>, one per type the node runs
    KEYS[3] queue:low
    ARGV[1] how many jobs to move at most, over all types
    ARGV[2] wake token cap

  Output:
    the number of jobs moved
]]
--- @include "wake"
local max = tonumber(ARGV[1])
local moved = 0
local byPriority = { {}, {}, {} }
for k = 5, #KEYS do
  while moved < max do
    local entry = redis.call('RPOP', KEYS[k])
    if not entry then
      break
    end
    local bar = string.find(entry, '|', 1, true)
    local ids = byPriority[tonumber(string.sub(entry, bar + 1))]
    ids[#ids + 1] = string.sub(entry, 1, bar - 1)
    moved = moved + 1
  end
end
-- Pushed to the head newest first, so that the oldest ends up in front.
for p = 1, 3 do
  local ids = byPriority[p]
  for i = #ids, 1, -1 do
    redis.call('LPUSH', KEYS[p], ids[i])
  end
end
wake(KEYS[4], moved, tonumber(ARGV[2]))
return moved
