-- Replaces the value at KEYS[1] with ARGV[2], with the update lifetime ARGV[3], only if the stored
-- bytes equal ARGV[1]. Returns {0} when absent, {2} when replaced, and {1, current bytes} when the
-- bytes differ: the caller then compares the values themselves (equal values may encode differently).
local current = redis.call('GET', KEYS[1])
if current == false then return {0} end
if current ~= ARGV[1] then return {1, current} end
store_with_lifetime(ARGV[2], ARGV[3])
return {2}
