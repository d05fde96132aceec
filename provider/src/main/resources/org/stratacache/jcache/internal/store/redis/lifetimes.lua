-- Shared by every script (prepended when the script is loaded). Lifetimes are script arguments:
-- a positive number of milliseconds, -1 eternal, -2 keep the current one, 0 expire at once.

-- Stores value at KEYS[1] with the lifetime in argument ttl.
local function store_with_lifetime(value, ttl)
  local n = tonumber(ttl)
  if n == 0 then
    redis.call('DEL', KEYS[1])
  elseif n == -2 then
    redis.call('SET', KEYS[1], value, 'KEEPTTL')
  elseif n == -1 then
    redis.call('SET', KEYS[1], value)
  else
    redis.call('SET', KEYS[1], value, 'PX', ttl)
  end
end

-- Gives the entry at KEYS[1] the lifetime in argument ttl (-2 leaves it as it is).
local function apply_lifetime(ttl)
  local n = tonumber(ttl)
  if n == 0 then
    redis.call('DEL', KEYS[1])
  elseif n == -1 then
    redis.call('PERSIST', KEYS[1])
  elseif n > 0 then
    redis.call('PEXPIRE', KEYS[1], ttl)
  end
end

