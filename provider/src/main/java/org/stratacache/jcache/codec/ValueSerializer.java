package org.stratacache.jcache.codec;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns a cache's values into bytes and back: the innermost layer of the stored format, under
 * compression and encryption, which the provider adds. Strata ships two: Kryo (the default) and
 * JSON ({@code serialization.format: json}), chosen per cache.
 *
 * <p>An application plugs its own per cache: {@code SerializationSettings.serializer(MySerializer.class)}
 * in code, or {@code serialization.serializer: com.acme.MySerializer} in a configuration file. Such a
 * class is public with a public no-argument constructor; each cache creates one instance. Every value
 * it writes is stored with its {@link #formatName()}, and a cache refuses (by its corrupt-value
 * policy) a value stored in another format before its serializer sees the bytes.
 *
 * <p>Stored bytes are untrusted input: anyone with write access to the store can plant them. An
 * implementation must never instantiate a class the bytes name unless the cache's serialization
 * settings allow it, and must stay within the settings' decode limits (size, nesting depth,
 * lengths) before it allocates what they guard.
 *
 * <p>Implementations are thread-safe.
 */
public interface ValueSerializer {

  /**
   * The name of the format this serializer writes, stored with each value of a cache that plugs it
   * (not with the built-in formats, whose stored bytes stay as they are): a value stored under
   * another name is refused before {@link #deserialize} sees it. Change it when the format changes
   * in a way older instances cannot read. 1 to 255 printable ASCII characters; the class name by default.
   */
  default String formatName() {
    return getClass().getName();
  }

  /**
   * The bytes of {@code value}, never {@code null}.
   *
   * @param value a value of the cache, never {@code null}
   * @throws ClassNotAllowedException when the value holds a class the settings do not allow
   * @throws CodecException           when the value cannot be serialized, or no read would accept its bytes
   */
  byte[] serialize(Object value);

  /**
   * The value held by {@code bytes[offset..offset+length)}, never {@code null}.
   *
   * @throws CodecException when the bytes are not a value this serializer wrote, pass a bound or
   *                        name a class that is not allowed
   */
  Object deserialize(byte[] bytes, int offset, int length);

  /**
   * The value held by {@code stream} (a decompressing stream), which may hold at most
   * {@code budget} bytes. The default reads the stream into memory as far as the budget, then
   * calls {@link #deserialize(byte[], int, int)}; a serializer able to read as it goes overrides it,
   * so that memory follows what the bytes hold.
   *
   * @throws CodecException as {@link #deserialize(byte[], int, int)}, or when the stream holds more than
   *                        {@code budget} bytes or cannot be read
   */
  default Object deserialize(InputStream stream, long budget) {
    int cap = (int) Math.min(budget, Integer.MAX_VALUE - 16);
    byte[] bytes;
    try {
      bytes = stream.readNBytes(cap + 1);
    } catch (IOException e) {
      throw new CodecException("Cannot read the stored bytes: " + e.getMessage(), e);
    }
    if (bytes.length > cap) {
      throw new CodecException("The stored value holds more than " + cap + " bytes once decompressed");
    }
    return deserialize(bytes, 0, bytes.length);
  }
}
