--[[
  enqueue: appends jobs to the tail of their priority lists and wakes idle workers; jobs to run
  later go to their priority's delayed set instead.

  Input:
    KEYS[1] queue:high    list of job ids
    KEYS[2] queue:medium
    KEYS[3] queue:low
    KEYS[4] wake          list of wake tokens that idle workers block on (BLPOP)
    KEYS[5] queued        set: ids in the priority lists
    KEYS[6] delayed:high  sorted sets: job id scored by run time (ms)
    KEYS[7] delayed:medium
    KEYS[8] delayed:low

    ARGV[1] wake token cap: the wake list never grows past it
    ARGV[2], ARGV[3], ARGV[4], ... triples of (priority index 1..3, job id, run time in ms or 0)

  Output:
    the number of jobs enqueued now (not counting delayed ones)

  Effect:
    one wake token per job enqueued now, up to the cap, so that as many idle workers wake as
    there is work.
]]
local lists = { {}, {}, {} }
local n = 0
for i = 2, #ARGV, 3 do
  local p = tonumber(ARGV[i])
  local due = tonumber(ARGV[i + 2])
  if due > 0 then
    redis.call('ZADD', KEYS[5 + p], due, ARGV[i + 1])
  else
    local list = lists[p]
    list[#list + 1] = ARGV[i + 1]
    n = n + 1
  end
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
