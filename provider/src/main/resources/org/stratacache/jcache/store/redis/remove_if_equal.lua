-- Removes KEYS[1] only if its value equals ARGV[1]; on a mismatch applies the access lifetime ARGV[2].
-- Returns 0 when absent, 1 on a mismatch, 2 when removed.
local current = redis.call('GET', KEYS[1])
if current == false then return 0 end
if current ~= ARGV[1] then
  apply_lifetime(ARGV[2])
  return 1
end
redis.call('DEL', KEYS[1])
return 2
