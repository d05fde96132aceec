-- The number of entries in the size index KEYS[1], after dropping those of the ARGV[1] oldest
-- members whose entries are gone (expired or removed behind the index's back).
local index = KEYS[1]
for _, member in ipairs(redis.call('ZRANGE', index, 0, tonumber(ARGV[1]) - 1)) do
  if redis.call('EXISTS', member) == 0 then
    redis.call('ZREM', index, member)
  end
end
return redis.call('ZCARD', index)
