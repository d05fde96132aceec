-- The commit step of an optimistic compare-and-set: applies a change to KEYS[1] only if the entry is
-- still as it was read. ARGV[1] = '1' when it was present with the bytes ARGV[2], '0' when it was absent.
-- ARGV[3] = 'put' (store ARGV[4]), 'touch' (new lifetime only) or 'remove'.
-- ARGV[5] = lifetime: >0 milliseconds, -1 eternal, -2 keep, 0 expire at once.
-- Returns 1 when applied, 0 when the entry changed in between (the caller reads again and retries).
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current ~= false then
  return 0
end
local action = ARGV[3]
local ttl = tonumber(ARGV[5])
if action == 'remove' or ttl == 0 then
  redis.call('DEL', KEYS[1])
elseif action == 'touch' then
  if ttl == -1 then redis.call('PERSIST', KEYS[1])
  elseif ttl > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[5]) end
elseif ttl == -2 then
  redis.call('SET', KEYS[1], ARGV[4], 'KEEPTTL')
elseif ttl == -1 then
  redis.call('SET', KEYS[1], ARGV[4])
else
  redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[5])
end
return 1
