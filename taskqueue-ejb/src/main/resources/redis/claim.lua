--[[
  claim: takes up to a given number of the oldest jobs, highest non-empty unpaused priority first,
  and leases each to the claiming node, in one step, so that a node killed at any instant leaves
  every job either queued or leased, never gone.

  Input:
    KEYS[1] queue:high
    KEYS[2] queue:medium
    KEYS[3] queue:low
    KEYS[4] inflight      sorted set: job id scored by lease deadline (ms, Redis clock)
    KEYS[5] lease         hash: job id -> "<lease id>|<priority index>|<owner>"
    KEYS[6] lease-seq     counter that numbers leases; when missing (first start, or Redis lost its
                          data) it starts at Redis's clock in microseconds, above every lease id
                          handed out before, as long as fewer than a million leases a second were
                          issued since it last started
    KEYS[7] wake
    KEYS[8] queued        set: ids in the priority lists (lets reconciliation find lost jobs)
    KEYS[9] paused        set: the keys of paused priority lists, which are skipped

    ARGV[1] lease duration in ms
    ARGV[2] owner (worker or node id)
    ARGV[3] "1" to also take one wake token when a job was claimed: the caller was not woken by
            one, so the token this job brought would otherwise wake an idle worker for nothing
    ARGV[4] how many jobs to claim at most (1 when absent)

  Output:
    { job id, priority index, lease id, lease deadline ms, ... } four fields per claimed job,
    in claim order; empty when every unpaused list is empty

  Effect:
    each lease id is the fencing token of its claim: ack and retryLater only act on the job while
    its lease still carries that id. An id that is already leased is a duplicate copy
    (reconciliation may enqueue twice); it is dropped, from the list and the queued set alike, and
    the running attempt keeps the job.
    When nothing could be claimed the wake tokens are dropped: they announce work that is gone
    (or paused; resume brings new ones), and would only wake idle workers for nothing.
]]
--- @include "now_ms"
local max = tonumber(ARGV[4] or '1')
local deadline = nowMs() + tonumber(ARGV[1])
if redis.call('EXISTS', KEYS[6]) == 0 then
  local now = redis.call('TIME')
  redis.call('SET', KEYS[6], now[1] .. string.format('%06d', tonumber(now[2])))
end
local claimed = {}
local n = 0
for p = 1, 3 do
  if n < max and redis.call('SISMEMBER', KEYS[9], KEYS[p]) == 0 then
    local ids = redis.call('LPOP', KEYS[p], max - n)
    while ids do
      for _, id in ipairs(ids) do
        redis.call('SREM', KEYS[8], id)
        if redis.call('HEXISTS', KEYS[5], id) == 0 then
          -- %.0f: lease ids from the clock have 16 digits, which tostring would print as 1.7e+15
          local lease = string.format('%.0f', redis.call('INCR', KEYS[6]))
          redis.call('ZADD', KEYS[4], deadline, id)
          redis.call('HSET', KEYS[5], id, lease .. '|' .. p .. '|' .. ARGV[2])
          claimed[#claimed + 1] = id
          claimed[#claimed + 1] = p
          claimed[#claimed + 1] = lease
          claimed[#claimed + 1] = deadline
          n = n + 1
        end
      end
      ids = n < max and redis.call('LPOP', KEYS[p], max - n)
    end
  end
end
if n == 0 then
  redis.call('DEL', KEYS[7])
elseif ARGV[3] == '1' then
  redis.call('LPOP', KEYS[7])
end
return claimed
