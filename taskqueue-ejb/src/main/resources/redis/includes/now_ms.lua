-- Redis's clock in milliseconds: every node agrees on it, whatever their own clocks say.
local function nowMs()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
