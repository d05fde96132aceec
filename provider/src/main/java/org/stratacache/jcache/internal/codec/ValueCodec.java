package org.stratacache.jcache.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * The stored format of a value (version 1): one format-version byte, one flags byte, then the
 * bytes of the cache's {@link ValueSerializer} (Kryo by default, or JSON), passed through the
 * {@link Codec} layers: {@link ZstdCodec} when they reach the compression threshold and compression
 * pays off, then, when the cache has encryption keys, {@link EncryptingCodec}. Each layer owns one
 * flag; this class writes and checks the envelope around them.
 *
 * <pre>
 * byte 0    format version, 1
 * byte 1    flags: bit 0 = zstd frame; bit 1 = encrypted; bit 2 = an application's format
 *           ({@link FormatTagCodec}); other bits reserved (must be 0)
 * byte 2..  the serializer's bytes (after the name of an application's format), or a zstd frame
 *           (with its content size) holding them
 *
 * encrypted (bit 1):
 * byte 2-3  key id, big-endian
 * byte 4-15 nonce (random)
 * byte 16.. AES-GCM ciphertext of the serializer's bytes or zstd frame, then its 16-byte tag;
 *           bytes 0-3 are authenticated as associated data
 * </pre>
 *
 * <p>Every read stays within the {@link DecodeLimits} of the serializer's settings, checked before
 * the memory each guards is allocated; every write is checked against them, so that what is
 * stored can be read back.
 *
 * <p>Anything else (another version, unknown flags, a truncated or corrupt payload, a class the
 * settings do not allow, a value that does not authenticate or whose key is not in the ring, a
 * plaintext value where encryption is required) is refused with a {@link CodecException}.
 * Thread-safe.
 */
public final class ValueCodec {

  /** The format version this codec writes. */
  public static final byte VERSION = 1;
  /** The payload is a zstd frame. */
  public static final int FLAG_ZSTD = ZstdCodec.FLAG;
  /** The payload is encrypted (see {@link EncryptingCodec}). */
  public static final int FLAG_ENCRYPTED = EncryptingCodec.FLAG;
  /** The payload starts with the name of an application's format (see {@link FormatTagCodec}). */
  public static final int FLAG_FORMAT_NAME = FormatTagCodec.FLAG;
  /** Bytes of the envelope header: version and flags. */
  static final int HEADER = 2;

  private static final int FORMAT_FLAGS = FLAG_ZSTD | FLAG_ENCRYPTED | FLAG_FORMAT_NAME;
  private static final byte[] PLAIN_HEADER = {VERSION, 0};

  private final ValueSerializer serializer;
  private final List<Codec> layers;
  private final int layerFlags;
  private final LongAdder serialized = new LongAdder();
  private final DecodeLimits limits;

  /**
   * A codec without encryption.
   *
   * @param compressionThreshold serialized size from which zstd is tried
   * @param compressionLevel     zstd level, 1 (fast) to 22 (small)
   */
  public ValueCodec(KryoSerializer serializer, int compressionThreshold, int compressionLevel) {
    this(serializer, compressionThreshold, compressionLevel, null);
  }

  /**
   * A codec encrypting with {@code encryption}, or not when it is {@code null}.
   *
   * @param compressionThreshold serialized size from which zstd is tried
   * @param compressionLevel     zstd level, 1 (fast) to 22 (small)
   */
  public ValueCodec(KryoSerializer serializer, int compressionThreshold, int compressionLevel,
                    EncryptingCodec encryption) {
    this(serializer, serializer.limits(), compressionThreshold, compressionLevel, encryption);
  }

  /**
   * A codec over any serializer, compressing from {@code compressionThreshold} bytes and encrypting
   * with {@code encryption}, or not when it is {@code null}.
   *
   * @param limits the bounds of the serializer's settings
   */
  public ValueCodec(ValueSerializer serializer, DecodeLimits limits, int compressionThreshold, int compressionLevel,
                    EncryptingCodec encryption) {
    this.serializer = serializer;
    this.limits = limits;
    List<Codec> chain = new ArrayList<>(3);
    if (serializer instanceof PluggedSerializer plugged) {
      chain.add(new FormatTagCodec(plugged.storedName()));
    }
    chain.add(new ZstdCodec(compressionThreshold, compressionLevel, limits));
    if (encryption != null) {
      chain.add(encryption);
    }
    this.layers = List.copyOf(chain);
    this.layerFlags = layers.stream().mapToInt(Codec::flag).reduce(0, (a, b) -> a | b);
  }

  /**
   * The stored bytes of {@code value}.
   *
   * @throws CodecException when the value could not be read back: over a bound of the
   *                        {@link DecodeLimits}, or of a class without a stable name
   */
  public byte[] encode(Object value) {
    Payload payload = serialized(value);
    serialized.add(payload.length());
    for (Codec layer : layers) {
      payload = layer.encode(payload);
    }
    byte[] stored = envelope(payload);
    if (stored.length > limits.valueSize()) {
      throw DecodeBounds.exceeded(Limit.VALUE_SIZE, "a value of " + value.getClass().getName() + " takes "
          + stored.length + " bytes stored, so no read would accept it", limits.valueSize());
    }
    return stored;
  }

  private Payload serialized(Object value) {
    byte[] bytes;
    if (serializer instanceof PrefixedSerializer prefixed) {
      bytes = prefixed.serialize(value, PLAIN_HEADER);
      return Payload.of(0, bytes, HEADER, bytes.length - HEADER);
    }
    bytes = serializer.serialize(value);
    if (bytes == null) {
      throw new CodecException(serializer.getClass().getName() + " returned no bytes for a value of "
          + value.getClass().getName());
    }
    return Payload.of(0, bytes, 0, bytes.length);
  }

  /** The header, then the payload: in place when the layers left room for it. */
  private static byte[] envelope(Payload payload) {
    byte[] stored = payload.bytes();
    if (payload.offset() != HEADER || payload.length() != stored.length - HEADER) {
      stored = new byte[HEADER + payload.length()];
      System.arraycopy(payload.bytes(), payload.offset(), stored, HEADER, payload.length());
    }
    stored[0] = VERSION;
    stored[1] = (byte) payload.flags();
    return stored;
  }

  /** Serialized bytes of every value encoded so far, before compression. */
  public long serializedBytes() {
    return serialized.sum();
  }

  /** Whether stored bytes are compressed (for metrics); assumes a valid header. */
  public static boolean isCompressed(byte[] bytes) {
    return bytes.length >= HEADER && (bytes[1] & FLAG_ZSTD) != 0;
  }

  /**
   * The value stored as {@code bytes}.
   *
   * @throws CodecException when the bytes are not a value in this format
   */
  public Object decode(byte[] bytes) {
    if (bytes.length > limits.valueSize()) {
      throw DecodeBounds.exceeded(Limit.VALUE_SIZE, "the stored value has " + bytes.length + " bytes",
          limits.valueSize());
    }
    if (bytes.length < HEADER + 1) {
      throw new CodecException("Stored value has " + bytes.length + " bytes; too short for format " + VERSION);
    }
    if (bytes[0] != VERSION) {
      throw new CodecException("Stored value has unknown format version " + (bytes[0] & 0xff)
          + " (this version reads format " + VERSION + "): not written by Strata Cache, or by a newer release");
    }
    int flags = bytes[1] & 0xff;
    if ((flags & ~FORMAT_FLAGS) != 0) {
      throw new CodecException("Stored value has unknown flags 0x" + Integer.toHexString(flags));
    }
    if ((flags & FLAG_ENCRYPTED & ~layerFlags) != 0) {
      throw new CodecException("Stored value is encrypted, and this cache has no encryption keys (encryption.keys)");
    }
    if ((flags & FLAG_FORMAT_NAME & ~layerFlags) != 0) {
      throw new CodecException("Stored value was written by an application's serializer (serialization.serializer), "
          + "and this cache reads a built-in format");
    }
    Payload payload = Payload.of(flags, bytes, HEADER, bytes.length - HEADER);
    for (int i = layers.size() - 1; i >= 0; i--) {
      payload = layers.get(i).decode(payload);
    }
    Object value;
    try (Payload plain = payload) {
      value = plain.isStreamed() ? serializer.deserialize(plain.stream(), plain.budget())
          : serializer.deserialize(plain.bytes(), plain.offset(), plain.length());
    }
    if (value == null) {
      throw new CodecException("Stored value is null, which no cache stores");
    }
    return value;
  }
}
