package org.stratacache.jcache.internal.store.redis;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import javax.cache.event.EventType;
import org.stratacache.jcache.codec.CodecException;

/**
 * One write as it travels on a cache's event channel: a format byte, the event type, the writer's
 * origin id, then the Redis key, the new value and the old value as stored (through the value
 * codec, so encrypted values stay encrypted), each length-prefixed; {@code -1} marks an absent value.
 *
 * @param origin   the id of the writing cache, so it can skip its own events
 * @param type     created, updated or removed
 * @param key      the entry's Redis key
 * @param value    the stored bytes of the new value, or {@code null}
 * @param oldValue the stored bytes of the previous value, or {@code null} when not known
 */
record EventMessage(long origin, EventType type, byte[] key, byte[] value, byte[] oldValue) {

  private static final byte FORMAT = 1;
  private static final EventType[] TYPES = {EventType.CREATED, EventType.UPDATED, EventType.REMOVED};

  byte[] encode() {
    int size = 2 + Long.BYTES + 3 * Integer.BYTES + key.length + length(value) + length(oldValue);
    ByteBuffer buffer = ByteBuffer.allocate(size);
    buffer.put(FORMAT).put(code(type)).putLong(origin);
    put(buffer, key);
    put(buffer, value);
    put(buffer, oldValue);
    return buffer.array();
  }

  /** Whether {@code bytes} are a message of this format sent by {@code origin}, reading only its header. */
  static boolean isFrom(long origin, byte[] bytes) {
    return bytes.length >= 2 + Long.BYTES && bytes[0] == FORMAT && ByteBuffer.wrap(bytes, 2, Long.BYTES).getLong()
        == origin;
  }

  /**
   * A hash of the Redis key of the message in {@code bytes}, read without decoding or copying it,
   * equal to {@link #hash} of that key; 0 for bytes that are not a message.
   */
  static int keyHash(byte[] bytes) {
    int start = 2 + Long.BYTES + Integer.BYTES;
    if (bytes.length < start) {
      return 0;
    }
    int length = ByteBuffer.wrap(bytes, 2 + Long.BYTES, Integer.BYTES).getInt();
    return length < 0 || length > bytes.length - start ? 0 : hash(bytes, start, start + length);
  }

  /** A hash of {@code bytes[from, to)}. */
  static int hash(byte[] bytes, int from, int to) {
    int hash = 1;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    return hash;
  }

  /**
   * The message in {@code bytes}.
   *
   * @throws CodecException when the bytes are not a message of this format
   */
  static EventMessage decode(byte[] bytes) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      byte format = buffer.get();
      if (format != FORMAT) {
        throw new CodecException("event message of unknown format " + format);
      }
      int code = buffer.get();
      if (code < 0 || code >= TYPES.length) {
        throw new CodecException("event message of unknown type " + code);
      }
      long origin = buffer.getLong();
      byte[] key = get(buffer);
      if (key == null) {
        throw new CodecException("event message without a key");
      }
      EventMessage message = new EventMessage(origin, TYPES[code], key, get(buffer), get(buffer));
      if (buffer.hasRemaining()) {
        throw new CodecException("event message with " + buffer.remaining() + " trailing bytes");
      }
      return message;
    } catch (BufferUnderflowException e) {
      throw new CodecException("truncated event message", e);
    }
  }

  private static byte code(EventType type) {
    for (byte i = 0; i < TYPES.length; i++) {
      if (TYPES[i] == type) {
        return i;
      }
    }
    throw new IllegalArgumentException("only writes travel as event messages, not " + type);
  }

  private static int length(byte[] bytes) {
    return bytes == null ? 0 : bytes.length;
  }

  private static void put(ByteBuffer buffer, byte[] bytes) {
    buffer.putInt(bytes == null ? -1 : bytes.length);
    if (bytes != null) {
      buffer.put(bytes);
    }
  }

  private static byte[] get(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length == -1) {
      return null;
    }
    if (length < 0 || length > buffer.remaining()) {
      throw new CodecException("event message with a bad length " + length);
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return bytes;
  }
}
