-- Records the entry key ARGV[1] in the tag KEYS[1], a sorted set scored by each member's deadline
-- (Redis time in ms; +inf for entries that never expire or whose reads extend them). ARGV[2] is the
-- member's lifetime in ms, or -1. Members past their deadline are dropped, and the set itself lives
-- until its last member's deadline, so tags neither outlive nor fall short of their entries.
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local lifetime = tonumber(ARGV[2])
if lifetime < 0 then
  redis.call('ZADD', KEYS[1], '+inf', ARGV[1])
else
  redis.call('ZADD', KEYS[1], now + lifetime, ARGV[1])
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. now)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] == 'inf' then
  redis.call('PERSIST', KEYS[1])
else
  redis.call('PEXPIREAT', KEYS[1], string.format('%d', tonumber(last[2]) + 1))
end
return 1
