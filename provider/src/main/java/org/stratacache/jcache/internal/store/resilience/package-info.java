/**
 * Internal (not an API).
 * Resilience: what a cache on a remote store does while the store cannot be reached. A circuit
 * opens on the first failure (logged once), operations are then failed fast, missed, or served by
 * a bounded local store, and one caller at a time probes the remote store until it answers again
 * (logged once).
 */
package org.stratacache.jcache.internal.store.resilience;
