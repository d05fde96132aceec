/**
 * Internal (not an API): the provider's {@code CacheManager}s, scoped by URI and class loader.
 */
package org.stratacache.jcache.internal.spi;
