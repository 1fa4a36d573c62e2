--[[
  claim: takes the oldest job of the highest non-empty, unpaused priority and leases it to a worker,
  in one step, so that a worker killed at any instant leaves the job either queued or leased,
  never gone.

  Input:
    KEYS[1] queue:high
    KEYS[2] queue:medium
    KEYS[3] queue:low
    KEYS[4] inflight      sorted set: job id scored by lease deadline (ms, Redis clock)
    KEYS[5] lease         hash: job id -> "<lease id>|<priority index>|<worker id>"
    KEYS[6] lease-seq     counter that numbers leases
    KEYS[7] wake
    KEYS[8] queued        set: ids in the priority lists (lets reconciliation find lost jobs)
    KEYS[9] paused        set: the keys of paused priority lists, which are skipped

    ARGV[1] lease duration in ms
    ARGV[2] worker id
    ARGV[3] "1" to also take one wake token: the caller was not woken by one, so the token
            this job brought would otherwise wake an idle worker for nothing

  Output:
    { job id, priority index, lease id, lease deadline ms } or false when every list is empty

  Effect:
    the lease id is the fencing token of this claim: ack and retryLater only act on the job
    while its lease still carries that id. An id that is already leased is a duplicate copy
    (reconciliation may enqueue twice); it is dropped, and the running attempt keeps the job.
]]
for p = 1, 3 do
  local id = false
  if redis.call('SISMEMBER', KEYS[9], KEYS[p]) == 0 then
    id = redis.call('LPOP', KEYS[p])
  end
  while id and redis.call('HEXISTS', KEYS[5], id) == 1 do
    id = redis.call('LPOP', KEYS[p])
  end
  if id then
    redis.call('SREM', KEYS[8], id)
    local now = redis.call('TIME')
    local deadline = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + tonumber(ARGV[1])
    local lease = redis.call('INCR', KEYS[6])
    redis.call('ZADD', KEYS[4], deadline, id)
    redis.call('HSET', KEYS[5], id, lease .. '|' .. p .. '|' .. ARGV[2])
    if ARGV[3] == '1' then
      redis.call('LPOP', KEYS[7])
    end
    return { id, p, lease, deadline }
  end
end
return false
