-- Stores ARGV[1] at KEYS[1]: with the creation lifetime when absent, the update lifetime when present.
-- Lifetimes (ARGV[2] creation, ARGV[3] update): >0 milliseconds, -1 eternal, -2 keep the current one,
-- 0 expire at once (nothing stored on creation, entry removed on update).
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
local arg
if present then arg = ARGV[3] else arg = ARGV[2] end
local ttl = tonumber(arg)
if ttl == 0 then
  if present then
    redis.call('DEL', KEYS[1])
  else
    return {3}
  end
elseif ttl == -2 then
  redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
elseif ttl == -1 then
  redis.call('SET', KEYS[1], ARGV[1])
else
  redis.call('SET', KEYS[1], ARGV[1], 'PX', arg)
end
if not present then return {1} end
if mode == 2 then return {2, previous} end
return {2}
