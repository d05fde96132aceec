package org.stratacache.jcache.internal.codec;

import com.esotericsoftware.kryo.io.Input;
import java.io.IOException;
import java.io.InputStream;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;

/**
 * A Kryo input that refuses a length claim (of a string, array, collection or map) before anything
 * of that length is allocated: above {@link Limit#LENGTH}, or above the bytes that remain, since
 * every element takes at least one byte. Reading a stream (a decompressing one), the bytes that
 * remain are those {@link Limit#DECODED_SIZE} still allows, and the stream itself stops there.
 * Keeps no large buffer after {@link #release()}.
 */
final class BoundedInput extends Input {

  private static final byte[] EMPTY = new byte[0];
  private static final int RETAINED_CHARS = 1 << 12;

  private final DecodeLimits limits;
  private long streamBudget = -1;

  BoundedInput(DecodeLimits limits) {
    this.limits = limits;
  }

  /** An input reading at most {@code budget} bytes from {@code stream}, with a small buffer. */
  BoundedInput(DecodeLimits limits, InputStream stream, long budget, int bufferSize) {
    super(new CappedStream(stream, budget), bufferSize);
    this.limits = limits;
    this.streamBudget = budget;
  }

  /** Drops the bytes and any large decoding buffer, so that nothing of a read outlives it. */
  void release() {
    setBuffer(EMPTY);
    if (chars.length > RETAINED_CHARS) {
      chars = new char[32];
    }
  }

  /** Bytes that remain to be read, at most. */
  long remaining() {
    return streamBudget < 0 ? limit - position : streamBudget - total();
  }

  /** Refuses a claim of {@code count} elements (each at least one byte) of {@code what}. */
  void claim(long count, String what) {
    if (count > limits.length()) {
      throw DecodeBounds.exceeded(Limit.LENGTH, what + " claims " + count + " elements", limits.length());
    }
    long remaining = remaining();
    if (count > remaining) {
      throw new CodecException("The stored bytes are corrupt: " + what + " claims " + count
          + " elements, and only " + remaining + " bytes remain");
    }
  }

  /** The unsigned varint at the position, without consuming it; -1 when the bytes end first. */
  long peekVarInt() {
    int available = optional(5);
    long value = 0;
    for (int i = 0; i < available; i++) {
      int b = buffer[position + i];
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    return -1;
  }

  /** The varint after a one-bit flag (Kryo's {@code readVarIntFlag}) at the position, without consuming it. */
  long peekFlagVarInt() {
    int available = optional(5);
    if (available == 0) {
      return -1;
    }
    int first = buffer[position];
    long value = first & 0x3f;
    if ((first & 0x40) == 0) {
      return value;
    }
    for (int i = 1; i < available; i++) {
      int b = buffer[position + i];
      value |= (long) (b & 0x7f) << (6 + 7 * (i - 1));
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    return -1;
  }

  @Override
  public String readString() {
    if (optional(1) > 0 && (buffer[position] & 0x80) != 0) {
      // UTF-8: a char count (plus one, 0 and 1 standing for null and "") that Kryo allocates at once
      long count = peekFlagVarInt();
      if (count > 1) {
        claim(count - 1, "a string");
      }
    }
    String value = super.readString();
    if (value != null && value.length() > limits.length()) {
      throw DecodeBounds.exceeded(Limit.LENGTH, "a string has " + value.length() + " characters", limits.length());
    }
    return value;
  }

  @Override
  public byte[] readBytes(int length) {
    claim(length, "a byte array");
    return super.readBytes(length);
  }

  /** Ends the stream at the budget: a decompressing stream never yields more than the bound allows. */
  private static final class CappedStream extends InputStream {
    private final InputStream in;
    private long left;

    CappedStream(InputStream in, long budget) {
      this.in = in;
      this.left = budget;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        // one byte more than the bound tells "exactly at the bound" from "over it"
        if (in.read() < 0) {
          return -1;
        }
        throw new CodecException("The stored value decompresses to more bytes than it declares or than "
            + DecodeBounds.setting(Limit.DECODED_SIZE) + " allows");
      }
      int read = in.read(b, off, (int) Math.min(len, left));
      if (read > 0) {
        left -= read;
      }
      return read;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
