package org.stratacache.jcache.internal.codec;

import org.stratacache.jcache.codec.ValueSerializer;

/** A serializer that writes a value after given bytes in one buffer, so the envelope costs no copy. */
interface PrefixedSerializer extends ValueSerializer {

  /** {@code prefix}, then the bytes of {@code value}. */
  byte[] serialize(Object value, byte[] prefix);

  @Override
  default byte[] serialize(Object value) {
    return serialize(value, new byte[0]);
  }
}
