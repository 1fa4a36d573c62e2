-- Adds up to n wake tokens to the wake list, never past cap: one idle worker wakes per job.
local function wake(key, n, cap)
  local tokens = math.min(n, cap - redis.call('LLEN', key))
  for i = 1, tokens do
    redis.call('RPUSH', key, '1')
  end
end
