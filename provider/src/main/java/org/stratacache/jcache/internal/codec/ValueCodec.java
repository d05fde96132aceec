package org.stratacache.jcache.internal.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * The stored format of a value (version 1): one format-version byte, one flags byte, then the
 * Kryo bytes of the value, compressed with zstd when they reach the compression threshold and
 * compression pays off, then, when the cache has encryption keys, encrypted with AES-256-GCM.
 *
 * <pre>
 * byte 0    format version, 1
 * byte 1    flags: bit 0 = zstd frame; bit 1 = encrypted; other bits reserved (must be 0)
 * byte 2..  Kryo bytes, or a zstd frame (with its content size) holding them
 *
 * encrypted (bit 1):
 * byte 2-3  key id, big-endian
 * byte 4-15 nonce (random)
 * byte 16.. AES-GCM ciphertext of the Kryo bytes or zstd frame, then its 16-byte tag;
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
  public static final int FLAG_ZSTD = 1;
  /** The payload is encrypted (see {@link EncryptingCodec}). */
  public static final int FLAG_ENCRYPTED = 2;

  private static final int HEADER = 2;
  private static final byte[] PLAIN_HEADER = {VERSION, 0};
  /** Frames claiming more are streamed, so a forged size cannot make a read allocate it. */
  private static final long BUFFERED_CONTENT = 1L << 20;
  /** What zstd answers for a frame that does not declare its content size. */
  private static final long UNKNOWN_CONTENT = -1;
  private static final int MIN_WINDOW_LOG = 10;
  private static final int MAX_WINDOW_LOG = 31;

  private final KryoSerializer serializer;
  private final LongAdder serialized = new LongAdder();
  private final int compressionThreshold;
  private final int compressionLevel;
  private final EncryptingCodec encryption;
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
    this.serializer = serializer;
    this.compressionThreshold = compressionThreshold;
    this.compressionLevel = compressionLevel;
    this.encryption = encryption;
    this.limits = serializer.limits();
  }

  /**
   * The stored bytes of {@code value}.
   *
   * @throws CodecException when the value could not be read back: over a bound of the
   *                        {@link DecodeLimits}, or of a class without a stable name
   */
  public byte[] encode(Object value) {
    byte[] stored = compressed(value);
    stored = encryption == null ? stored
        : encryption.seal(VERSION, stored[1] | FLAG_ENCRYPTED, stored, HEADER, stored.length - HEADER);
    if (stored.length > limits.valueSize()) {
      throw DecodeBounds.exceeded(Limit.VALUE_SIZE, "a value of " + value.getClass().getName() + " takes "
          + stored.length + " bytes stored, so no read would accept it", limits.valueSize());
    }
    return stored;
  }

  private byte[] compressed(Object value) {
    byte[] plain = serializer.serialize(value, PLAIN_HEADER);
    int length = plain.length - HEADER;
    serialized.add(length);
    if (length < compressionThreshold) {
      return plain;
    }
    byte[] compressed = new byte[HEADER + (int) Zstd.compressBound(length)];
    int size;
    try {
      size = ZstdContexts.compress(compressionLevel, compressed, HEADER, plain, HEADER, length);
    } catch (ZstdException e) {
      return plain;
    }
    if (size >= length) {
      return plain;
    }
    compressed[0] = VERSION;
    compressed[1] = FLAG_ZSTD;
    return Arrays.copyOf(compressed, HEADER + size);
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
    if ((flags & ~(FLAG_ZSTD | FLAG_ENCRYPTED)) != 0) {
      throw new CodecException("Stored value has unknown flags 0x" + Integer.toHexString(flags));
    }
    Object value;
    if ((flags & FLAG_ENCRYPTED) != 0) {
      if (encryption == null) {
        throw new CodecException("Stored value is encrypted, and this cache has no encryption keys (encryption.keys)");
      }
      byte[] payload = encryption.open(bytes);
      value = payload(flags, payload, 0, payload.length);
    } else if (encryption != null && encryption.required()) {
      throw new CodecException("Stored value is not encrypted, and this cache requires encryption "
          + "(encryption.require): written by a client without the keys, or planted");
    } else {
      value = payload(flags, bytes, HEADER, bytes.length - HEADER);
    }
    if (value == null) {
      throw new CodecException("Stored value is null, which no cache stores");
    }
    return value;
  }

  /** The value in {@code bytes[offset..offset+length)}: Kryo bytes, or a zstd frame of them. */
  private Object payload(int flags, byte[] bytes, int offset, int length) {
    if ((flags & FLAG_ZSTD) == 0) {
      return serializer.deserialize(bytes, offset, length);
    }
    long content = Zstd.getFrameContentSize(bytes, offset, length);
    if (content == UNKNOWN_CONTENT) {
      // not written by this codec, which declares sizes: read as far as the bound allows
      return streamed(bytes, offset, length, limits.decodedSize());
    }
    if (content < 0) {
      throw new CodecException("Stored value holds no valid zstd frame (content size " + content + ")");
    }
    if (content > limits.decodedSize()) {
      throw DecodeBounds.exceeded(Limit.DECODED_SIZE, "the stored zstd frame declares " + content
          + " bytes of content", limits.decodedSize());
    }
    if (content > BUFFERED_CONTENT) {
      return streamed(bytes, offset, length, content);
    }
    byte[] plain = new byte[(int) content];
    int size;
    try {
      size = ZstdContexts.decompress(plain, bytes, offset, length);
    } catch (ZstdException e) {
      throw new CodecException("Stored value has a corrupt zstd frame: " + e.getMessage(), e);
    }
    if (size != content) {
      throw new CodecException("Stored value has a corrupt zstd frame: " + size + " of " + content + " bytes");
    }
    return serializer.deserialize(plain, 0, plain.length);
  }

  /** Reads a frame as a stream that ends at {@code budget} bytes, with a window no larger than the bound. */
  private Object streamed(byte[] bytes, int offset, int length, long budget) {
    try (ZstdInputStreamNoFinalizer in = new ZstdInputStreamNoFinalizer(
        new ByteArrayInputStream(bytes, offset, length))) {
      in.setLongMax(windowLog(budget));
      return serializer.deserialize(in, budget);
    } catch (IOException e) {
      throw new CodecException("Stored value has a corrupt zstd frame: " + e.getMessage(), e);
    }
  }

  /** The smallest window log covering {@code size} bytes: a larger window would only buy native memory. */
  private static int windowLog(long size) {
    int log = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
    return Math.max(MIN_WINDOW_LOG, Math.min(MAX_WINDOW_LOG, log));
  }
}
