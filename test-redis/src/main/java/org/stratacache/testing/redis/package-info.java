/**
 * Real Redis servers, Sentinels and Clusters for the build's tests, each on free loopback ports:
 * {@link org.stratacache.testing.redis.RedisServer} (and its shared server, or {@code REDIS_URL}),
 * {@link org.stratacache.testing.redis.RedisSentinel}, {@link org.stratacache.testing.redis.RedisCluster};
 * {@link org.stratacache.testing.redis.RedisBinary} finds the executable they run.
 */
package org.stratacache.testing.redis;
