-- Replaces the value at KEYS[1] with ARGV[2] only if it currently equals ARGV[1].
-- ARGV[3]: update lifetime, ARGV[4]: access lifetime applied on a mismatch
-- (>0 milliseconds, -1 eternal, -2 keep, 0 expire at once).
-- Returns 0 when absent, 1 on a mismatch, 2 when replaced.
local current = redis.call('GET', KEYS[1])
if current == false then return 0 end
if current ~= ARGV[1] then
  local access = tonumber(ARGV[4])
  if access == 0 then redis.call('DEL', KEYS[1])
  elseif access == -1 then redis.call('PERSIST', KEYS[1])
  elseif access > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
  return 1
end
local ttl = tonumber(ARGV[3])
if ttl == 0 then redis.call('DEL', KEYS[1])
elseif ttl == -2 then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
elseif ttl == -1 then redis.call('SET', KEYS[1], ARGV[2])
else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 2
