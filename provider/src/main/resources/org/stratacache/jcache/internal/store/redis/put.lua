-- Stores ARGV[1] at KEYS[1]: with the creation lifetime ARGV[2] when absent, the update lifetime
-- ARGV[3] when present (a zero creation lifetime stores nothing; a zero update lifetime removes).
-- ARGV[4]: 0 = report nothing, 1 = report created/updated, 2 = also return the previous value.
-- Returns {1} created, {2} updated, {2, previous} updated with the previous value, {3} discarded.
local mode = tonumber(ARGV[4])
local previous = false
local present
if mode == 2 then
  previous = redis.call('GET', KEYS[1])
  present = previous ~= false
else
  present = redis.call('EXISTS', KEYS[1]) == 1
end
if not present then
  if tonumber(ARGV[2]) == 0 then return {3} end
  store_with_lifetime(ARGV[1], ARGV[2])
  return {1}
end
store_with_lifetime(ARGV[1], ARGV[3])
if mode == 2 then return {2, previous} end
return {2}
