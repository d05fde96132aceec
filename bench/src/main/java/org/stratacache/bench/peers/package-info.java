/**
 * Strata Cache side by side with its peers, every contender driven through the same operations in
 * the same JMH run: in memory (Strata, Caffeine JCache, Ehcache 3), on Redis (Strata, Redisson
 * JCache) and the floor (raw Lettuce on one connection).
 */
package org.stratacache.bench.peers;
