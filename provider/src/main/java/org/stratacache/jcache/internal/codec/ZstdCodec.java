package org.stratacache.jcache.internal.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * zstd compression, flag bit 0: serialized bytes from the threshold on are compressed into one
 * frame that declares its content size, when that makes them smaller. A read trusts no frame: the
 * declared size is checked against {@link Limit#DECODED_SIZE} before anything is allocated, and a
 * frame that claims more than a megabyte, or nothing, is streamed with a window no larger than the
 * bound, so memory follows what the frame really holds. Thread-safe.
 */
public final class ZstdCodec implements Codec {

  /** The payload is a zstd frame. */
  public static final int FLAG = 1;

  /** Frames claiming more are streamed, so a forged size cannot make a read allocate it. */
  private static final long BUFFERED_CONTENT = 1L << 20;
  /** What zstd answers for a frame that does not declare its content size. */
  private static final long UNKNOWN_CONTENT = -1;
  private static final int MIN_WINDOW_LOG = 10;
  private static final int MAX_WINDOW_LOG = 31;
  private static final int HEADER = ValueCodec.HEADER;

  private final int threshold;
  private final int level;
  private final DecodeLimits limits;

  /**
   * Compression from {@code threshold} serialized bytes on, at {@code level}.
   *
   * @param level zstd level, 1 (fast) to 22 (small)
   */
  public ZstdCodec(int threshold, int level, DecodeLimits limits) {
    this.threshold = threshold;
    this.level = level;
    this.limits = limits;
  }

  @Override
  public int flag() {
    return FLAG;
  }

  @Override
  public Payload encode(Payload payload) {
    int length = payload.length();
    if (length < threshold) {
      return payload;
    }
    byte[] compressed = new byte[HEADER + (int) Zstd.compressBound(length)];
    int size;
    try {
      size = ZstdContexts.compress(level, compressed, HEADER, payload.bytes(), payload.offset(), length);
    } catch (ZstdException e) {
      return payload;
    }
    if (size >= length) {
      return payload;
    }
    return Payload.of(payload.flags() | FLAG, Arrays.copyOf(compressed, HEADER + size), HEADER, size);
  }

  @Override
  public Payload decode(Payload payload) {
    if (!payload.has(FLAG)) {
      return payload;
    }
    int flags = payload.flags() & ~FLAG;
    byte[] bytes = payload.bytes();
    int offset = payload.offset();
    int length = payload.length();
    long content = Zstd.getFrameContentSize(bytes, offset, length);
    if (content == UNKNOWN_CONTENT) {
      // not written by this codec, which declares sizes: read as far as the bound allows
      return streamed(flags, bytes, offset, length, limits.decodedSize());
    }
    if (content < 0) {
      throw new CodecException("Stored value holds no valid zstd frame (content size " + content + ")");
    }
    if (content > limits.decodedSize()) {
      throw DecodeBounds.exceeded(Limit.DECODED_SIZE, "the stored zstd frame declares " + content
          + " bytes of content", limits.decodedSize());
    }
    if (content > BUFFERED_CONTENT) {
      return streamed(flags, bytes, offset, length, content);
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
    return Payload.of(flags, plain, 0, plain.length);
  }

  /** The frame as a stream that ends at {@code budget} bytes, with a window no larger than the bound. */
  private static Payload streamed(int flags, byte[] bytes, int offset, int length, long budget) {
    ZstdInputStreamNoFinalizer in = null;
    try {
      in = new ZstdInputStreamNoFinalizer(new ByteArrayInputStream(bytes, offset, length));
      in.setLongMax(windowLog(budget));
      return Payload.streamed(flags, in, budget);
    } catch (IOException e) {
      CodecException failure = new CodecException("Stored value has a corrupt zstd frame: " + e.getMessage(), e);
      if (in != null) {
        try {
          in.close();
        } catch (IOException closing) {
          failure.addSuppressed(closing);
        }
      }
      throw failure;
    }
  }

  /** The smallest window log covering {@code size} bytes: a larger window would only buy native memory. */
  private static int windowLog(long size) {
    int log = 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
    return Math.max(MIN_WINDOW_LOG, Math.min(MAX_WINDOW_LOG, log));
  }
}
