/**
 * Internal (not an API).
 * The semantics layer: {@link org.stratacache.jcache.internal.proxy.CacheProxy} is the only code that knows
 * JSR-107's rules (null checks, expiry, listeners, loader and writer, entry processors,
 * statistics, store-by-value copies); it maps every {@code javax.cache.Cache} call onto the Store SPI.
 */
package org.stratacache.jcache.internal.proxy;
