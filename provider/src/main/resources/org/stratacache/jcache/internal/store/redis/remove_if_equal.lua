-- Removes KEYS[1] only if the stored bytes equal ARGV[1]. Returns {0} when absent, {2} when removed,
-- and {1, current bytes} when the bytes differ: the caller then compares the values themselves.
local current = redis.call('GET', KEYS[1])
if current == false then return {0} end
if current ~= ARGV[1] then return {1, current} end
redis.call('DEL', KEYS[1])
return {2}
