-- Adds the entry key ARGV[1] to the tag set KEYS[1], keeping the set alive at least as long as its
-- newest member: ARGV[2] is the member's lifetime in milliseconds, or -1 when it never expires.
local existed = redis.call('EXISTS', KEYS[1]) == 1
redis.call('SADD', KEYS[1], ARGV[1])
local lifetime = tonumber(ARGV[2])
if lifetime < 0 then
  redis.call('PERSIST', KEYS[1])
  return 1
end
local ttl = redis.call('PTTL', KEYS[1])
if not existed or (ttl >= 0 and ttl < lifetime) then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
