-- Keeps the size index of a cache, KEYS[1]: a sorted set of the cache's entry keys scored by their
-- last write (Redis time in ms), and bounds the cache to ARGV[1] entries (0: no bound).
-- KEYS[2..] are keys just written or removed: a key that exists is (re)scored now, one that does not
-- leaves the index. The two oldest members are checked too, so slots of entries that expired or were
-- removed behind the index's back are reclaimed as writes go by. Over the bound, the least recently
-- written entries are unlinked (the eviction order); the keys actually unlinked are returned, so
-- the caller counts only evictions of entries that were still there.
local index = KEYS[1]
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('ZADD', index, now, KEYS[i])
  else
    redis.call('ZREM', index, KEYS[i])
  end
end
for _, member in ipairs(redis.call('ZRANGE', index, 0, 1)) do
  if redis.call('EXISTS', member) == 0 then
    redis.call('ZREM', index, member)
  end
end
local evicted = {}
local bound = tonumber(ARGV[1])
if bound > 0 then
  local excess = redis.call('ZCARD', index) - bound
  if excess > 0 then
    local popped = redis.call('ZPOPMIN', index, excess)
    for j = 1, #popped, 2 do
      if redis.call('UNLINK', popped[j]) == 1 then
        evicted[#evicted + 1] = popped[j]
      end
    end
  end
end
return evicted
