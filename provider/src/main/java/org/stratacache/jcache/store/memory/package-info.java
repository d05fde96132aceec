/**
 * The in-memory store: a bounded Caffeine cache (W-TinyLFU eviction, variable per-entry expiry)
 * driven by the cache's injected ticker.
 */
package org.stratacache.jcache.store.memory;
