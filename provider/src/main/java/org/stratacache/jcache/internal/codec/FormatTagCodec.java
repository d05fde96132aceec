package org.stratacache.jcache.internal.codec;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.stratacache.jcache.codec.CodecException;

/**
 * The name of an application's format (flag bit 2), for the values of a cache with its own
 * {@code serialization.serializer}: the innermost layer, under compression and encryption, so the
 * name is compressed and authenticated with the value. The built-in formats (Kryo, JSON) are stored
 * without it, so their bytes are unchanged.
 *
 * <pre>
 * byte 0      n, the length of the name (1 to 255)
 * byte 1..n   the name, ASCII ({@code ValueSerializer.formatName()})
 * byte n+1..  the serializer's bytes
 * </pre>
 *
 * <p>Unlike the other layers, a value without the flag is refused: it was written by a built-in
 * format, which the cache's serializer cannot be trusted to tell from its own. A value of another
 * name is refused too. Thread-safe.
 */
final class FormatTagCodec implements Codec {

  /** The value carries the name of an application's format. */
  static final int FLAG = 4;
  private static final int SHOWN = 80;

  private final byte[] name;

  FormatTagCodec(byte[] name) {
    this.name = name.clone();
  }

  @Override
  public int flag() {
    return FLAG;
  }

  @Override
  public Payload encode(Payload payload) {
    byte[] tagged = new byte[ValueCodec.HEADER + 1 + name.length + payload.length()];
    int at = ValueCodec.HEADER;
    tagged[at++] = (byte) name.length;
    System.arraycopy(name, 0, tagged, at, name.length);
    System.arraycopy(payload.bytes(), payload.offset(), tagged, at + name.length, payload.length());
    return Payload.of(payload.flags() | FLAG, tagged, ValueCodec.HEADER, tagged.length - ValueCodec.HEADER);
  }

  @Override
  public Payload decode(Payload payload) {
    if (!payload.has(FLAG)) {
      throw new CodecException("Stored value was written in a built-in format (Kryo or JSON), not by this cache's "
          + "serializer, whose format is '" + text(name, name.length) + "'");
    }
    int flags = payload.flags() & ~FLAG;
    if (payload.isStreamed()) {
      InputStream stream = payload.stream();
      byte[] stored;
      try {
        int length = stream.read();
        stored = length < 0 ? new byte[0] : stream.readNBytes(length);
        if (length < 1 || stored.length < length) {
          throw new CodecException("Stored value is too short for the name of its format");
        }
      } catch (IOException e) {
        throw new CodecException("Cannot read the stored bytes: " + e.getMessage(), e);
      }
      check(stored, 0, stored.length);
      return Payload.streamed(flags, stream, payload.budget() - 1 - stored.length);
    }
    byte[] bytes = payload.bytes();
    int length = payload.length() < 1 ? 0 : bytes[payload.offset()] & 0xff;
    if (length < 1 || payload.length() < 1 + length) {
      throw new CodecException("Stored value is too short for the name of its format");
    }
    check(bytes, payload.offset() + 1, length);
    return Payload.of(flags, bytes, payload.offset() + 1 + length, payload.length() - 1 - length);
  }

  private void check(byte[] bytes, int offset, int length) {
    if (!Arrays.equals(bytes, offset, offset + length, name, 0, name.length)) {
      throw new CodecException("Stored value was written in the format '" + text(Arrays.copyOfRange(bytes, offset,
          offset + length), length) + "', and this cache's serializer writes '" + text(name, name.length) + "'");
    }
  }

  /** A name as a message shows it: printable ASCII only, and not too long. */
  private static String text(byte[] bytes, int length) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(length, SHOWN); i++) {
      int c = bytes[i] & 0xff;
      shown.append(c > 0x20 && c < 0x7f ? (char) c : '?');
    }
    return length > SHOWN ? shown + "..." : shown.toString();
  }
}
