-- Replaces the value at KEYS[1] with ARGV[2] only if it currently equals ARGV[1], with the update
-- lifetime ARGV[3]; on a mismatch applies the access lifetime ARGV[4].
-- Returns 0 when absent, 1 on a mismatch, 2 when replaced.
local current = redis.call('GET', KEYS[1])
if current == false then return 0 end
if current ~= ARGV[1] then
  apply_lifetime(ARGV[4])
  return 1
end
store_with_lifetime(ARGV[2], ARGV[3])
return 2
