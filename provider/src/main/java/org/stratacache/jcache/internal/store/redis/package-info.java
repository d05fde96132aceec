/**
 * Internal (not an API).
 * The Redis store, through Lettuce: keys under a per-cache namespace, values in the versioned codec
 * format, lifetimes as Redis TTLs, atomic operations as Lua scripts (EVALSHA), bulk operations
 * pipelined in bounded batches, iteration and clearing by SCAN.
 */
package org.stratacache.jcache.internal.store.redis;
