/**
 * Strata Cache's public extension API, reached from a standard cache with
 * {@code cache.unwrap(StrataCache.class)}.
 */
package org.stratacache.jcache;
