/**
 * The JSR-107 entry points: the {@code CachingProvider} found through {@code META-INF/services},
 * and its {@code CacheManager}s, scoped by URI and class loader.
 */
package org.stratacache.jcache.spi;
