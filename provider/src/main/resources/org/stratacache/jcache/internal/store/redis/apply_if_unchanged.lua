-- The commit step of an optimistic compare-and-set: applies a change to KEYS[1] only if the entry is
-- still as it was read. ARGV[1] = '1' when it was present with the bytes ARGV[2], '0' when it was absent.
-- ARGV[3] = 'put' (store ARGV[4]), 'touch' (new lifetime only) or 'remove'; ARGV[5] = the lifetime.
-- Returns 1 when applied, 0 when the entry changed in between (the caller reads again and retries).
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '1' then
  if current ~= ARGV[2] then return 0 end
elseif current ~= false then
  return 0
end
local action = ARGV[3]
if action == 'remove' then
  redis.call('DEL', KEYS[1])
elseif action == 'touch' then
  apply_lifetime(ARGV[5])
else
  store_with_lifetime(ARGV[4], ARGV[5])
end
return 1
