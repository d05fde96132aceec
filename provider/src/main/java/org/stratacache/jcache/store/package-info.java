/**
 * The Store SPI: where a cache keeps its entries, with no JSR-107 rules in it.
 *
 * <p>A {@link org.stratacache.jcache.store.Store} holds values with the instant they expire and offers
 * atomic single-key operations, bulk operations, iteration and a compare-and-set style
 * {@link org.stratacache.jcache.store.Store#compute compute}. The semantics layer
 * ({@code CacheProxy}) turns JSR-107 calls into these operations; every store implementation
 * (memory, Redis) passes the same contract test kit.
 */
package org.stratacache.jcache.store;
