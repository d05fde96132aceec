-- Removes KEYS[1] only if its value equals ARGV[1]; on a mismatch applies the access lifetime ARGV[2]
-- (>0 milliseconds, -1 eternal, -2 keep, 0 expire at once).
-- Returns 0 when absent, 1 on a mismatch, 2 when removed.
local current = redis.call('GET', KEYS[1])
if current == false then return 0 end
if current ~= ARGV[1] then
  local ttl = tonumber(ARGV[2])
  if ttl == 0 then redis.call('DEL', KEYS[1])
  elseif ttl == -1 then redis.call('PERSIST', KEYS[1])
  elseif ttl > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
  return 1
end
redis.call('DEL', KEYS[1])
return 2
