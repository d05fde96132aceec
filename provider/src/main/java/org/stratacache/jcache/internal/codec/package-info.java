/**
 * Internal (not an API): the store-by-value copier and the codec chain for remote stores (Kryo, zstd, AES-GCM
 * in a versioned envelope), with the bounds that keep untrusted stored bytes from costing unbounded time or memory.
 */
package org.stratacache.jcache.internal.codec;
