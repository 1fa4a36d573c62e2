--[[
  enqueue: appends jobs to the tail of their priority lists and wakes idle workers; jobs to run
  later go to their priority's delayed set instead. For jobs an operator runs again (a dead or
  cancelled job retried), it first ends any lease their last attempt still holds: PostgreSQL no
  longer lets that attempt record anything, and a lease left in place would make claim drop the
  new copy as a duplicate, after which the old attempt's ack would leave the job nowhere.

  Input:
    KEYS[1] queue:high    list of job ids
    KEYS[2] queue:medium
    KEYS[3] queue:low
    KEYS[4] wake          list of wake tokens that idle workers block on (BLPOP)
    KEYS[5] queued        set: ids in the priority lists
    KEYS[6] delayed:high  sorted sets: job id scored by run time (ms)
    KEYS[7] delayed:medium
    KEYS[8] delayed:low
    KEYS[9] inflight      sorted set: leased job ids by lease deadline
    KEYS[10] lease        hash: job id -> lease

    ARGV[1] wake token cap: the wake list never grows past it
    ARGV[2] "1" to end the jobs' leases first (a run again), "0" for new jobs
    ARGV[3], ARGV[4], ARGV[5], ... triples of (priority index 1..3, job id, run time in ms or 0)

  Output:
    the number of jobs enqueued now (not counting delayed ones)

  Effect:
    one wake token per job enqueued now, up to the cap, so that as many idle workers wake as
    there is work.
]]
--- @include "wake"
local lists = { {}, {}, {} }
local n = 0
local again = ARGV[2] == '1'
for i = 3, #ARGV, 3 do
  local p = tonumber(ARGV[i])
  if again then
    redis.call('HDEL', KEYS[10], ARGV[i + 1])
    redis.call('ZREM', KEYS[9], ARGV[i + 1])
  end
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
wake(KEYS[4], n, tonumber(ARGV[1]))
return n
