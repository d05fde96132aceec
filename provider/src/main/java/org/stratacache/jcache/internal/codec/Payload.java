package org.stratacache.jcache.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import org.stratacache.jcache.codec.CodecException;

/**
 * Bytes on their way through the codec chain, with the envelope flags of the layers they have
 * passed: {@code bytes[offset..offset+length)}, or, once a layer decodes by streaming, a stream of
 * at most {@code budget} bytes. On the way in (encoding), the {@link ValueCodec#HEADER} bytes
 * before {@code offset} are free for the envelope, so it is written without a copy.
 */
public final class Payload implements AutoCloseable {

  private final int flags;
  private final byte[] bytes;
  private final int offset;
  private final int length;
  private final InputStream stream;
  private final long budget;

  private Payload(int flags, byte[] bytes, int offset, int length, InputStream stream, long budget) {
    this.flags = flags;
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
    this.stream = stream;
    this.budget = budget;
  }

  /** The bytes {@code bytes[offset..offset+length)}, marked by {@code flags}. */
  public static Payload of(int flags, byte[] bytes, int offset, int length) {
    return new Payload(flags, bytes, offset, length, null, length);
  }

  /** A stream of at most {@code budget} bytes, marked by {@code flags}. */
  public static Payload streamed(int flags, InputStream stream, long budget) {
    return new Payload(flags, null, 0, 0, stream, budget);
  }

  /** The flags of the layers these bytes passed. */
  public int flags() {
    return flags;
  }

  /** Whether the layer owning {@code flag} encoded these bytes. */
  public boolean has(int flag) {
    return (flags & flag) != 0;
  }

  /** Whether the bytes come as a stream. */
  public boolean isStreamed() {
    return stream != null;
  }

  /** The array holding the bytes (not for a streamed payload). */
  public byte[] bytes() {
    return bytes;
  }

  /** Where the bytes start in {@link #bytes()}. */
  public int offset() {
    return offset;
  }

  /** How many bytes (not for a streamed payload). */
  public int length() {
    return length;
  }

  /** The stream (only for a streamed payload). */
  public InputStream stream() {
    return stream;
  }

  /** The most bytes the payload may hold. */
  public long budget() {
    return budget;
  }

  @Override
  public void close() {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException e) {
        throw new CodecException("Stored value has a corrupt zstd frame: " + e.getMessage(), e);
      }
    }
  }
}
