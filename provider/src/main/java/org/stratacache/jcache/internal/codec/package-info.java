/**
 * Internal (not an API): the codec chain for remote stores. A {@link org.stratacache.jcache.codec.ValueSerializer}
 * (Kryo by default, or JSON) turns a value into bytes; {@link org.stratacache.jcache.internal.codec.Codec} layers
 * over bytes (zstd compression, AES-GCM encryption) each own one flag of the versioned envelope that
 * {@link org.stratacache.jcache.internal.codec.ValueCodec} writes and reads; with the bounds that keep untrusted
 * stored bytes from costing unbounded time or memory.
 */
package org.stratacache.jcache.internal.codec;
