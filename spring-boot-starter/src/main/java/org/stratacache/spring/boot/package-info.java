/**
 * Spring Boot auto-configuration for Strata Cache: {@code strata.*} properties reach the cache
 * manager, Strata's {@code CachingProvider} is chosen even beside another JCache provider, Boot's
 * cache metrics count Strata's caches (with Strata's own figures beside them) and a health
 * indicator reports the Redis caches. Uses the provider's public API only.
 */
package org.stratacache.spring.boot;
