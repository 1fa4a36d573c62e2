--[[
  enqueue: appends jobs to the tail of their priority lists and wakes idle workers.

  Input:
    KEYS[1] queue:high    list of job ids
    KEYS[2] queue:medium
    KEYS[3] queue:low
    KEYS[4] wake          list of wake tokens that idle workers block on (BLPOP)
    KEYS[5] queued        set: ids in the priority lists

    ARGV[1] wake token cap: the wake list never grows past it
    ARGV[2], ARGV[3], ... pairs of (priority index 1..3, job id)

  Output:
    the number of jobs enqueued

  Effect:
    one wake token per job, up to the cap, so that as many idle workers wake as there is work.
]]
local lists = { {}, {}, {} }
local n = 0
for i = 2, #ARGV, 2 do
  local list = lists[tonumber(ARGV[i])]
  list[#list + 1] = ARGV[i + 1]
  n = n + 1
end
for p = 1, 3 do
  local ids = lists[p]
  for from = 1, #ids, 1000 do
    redis.call('RPUSH', KEYS[p], unpack(ids, from, math.min(from + 999, #ids)))
    redis.call('SADD', KEYS[5], unpack(ids, from, math.min(from + 999, #ids)))
  end
end
local tokens = math.min(n, tonumber(ARGV[1]) - redis.call('LLEN', KEYS[4]))
for i = 1, tokens do
  redis.call('RPUSH', KEYS[4], '1')
end
return n
