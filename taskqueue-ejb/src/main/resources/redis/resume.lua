--[[
  resume: lets workers claim from a paused priority list again, and wakes as many idle workers
  as it holds jobs (up to the wake token cap), since their enqueue tokens were spent while it
  was paused.

  Input:
    KEYS[1] paused    set: the keys of paused priority lists
    KEYS[2] queue:<priority> the list to resume
    KEYS[3] wake      list of wake tokens

    ARGV[1] wake token cap

  Output:
    1 if the list was paused, 0 if it was not

  Effect:
    the list's key leaves the paused set; wake tokens are added.
]]
--- @include "wake"
local was = redis.call('SREM', KEYS[1], KEYS[2])
wake(KEYS[3], redis.call('LLEN', KEYS[2]), tonumber(ARGV[1]))
return was
