/**
 * Internal (not an API).
 * The in-memory store: a Caffeine cache (W-TinyLFU eviction when bounded) holding each value with
 * its expiry instant, checked against the cache's injected ticker when an entry is touched.
 */
package org.stratacache.jcache.internal.store.memory;
