package org.stratacache.jcache.internal.codec;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.codec.ValueSerializer;

/**
 * An application's {@link ValueSerializer} (setting {@code serialization.serializer}), with the
 * name of its format checked once: {@link ValueCodec} stores that name with each value
 * ({@link FormatTagCodec}) and refuses values of another format before the serializer reads them.
 * Thread-safe as the application's serializer is.
 */
final class PluggedSerializer implements ValueSerializer {

  private static final int MAX_NAME = 255;

  private final ValueSerializer serializer;
  private final byte[] formatName;

  private PluggedSerializer(ValueSerializer serializer, byte[] formatName) {
    this.serializer = serializer;
    this.formatName = formatName;
  }

  /**
   * One instance of {@code type}, made with its public no-argument constructor.
   *
   * @throws IllegalStateException naming the class when it cannot be created or names its format badly
   */
  static PluggedSerializer create(Class<? extends ValueSerializer> type) {
    ValueSerializer serializer;
    try {
      serializer = type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("serialization.serializer " + type.getName() + " failed to start: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("serialization.serializer " + type.getName() + " cannot be created with its "
          + "public no-argument constructor: " + e, e);
    }
    String name = serializer.formatName();
    if (name == null || name.isEmpty() || name.length() > MAX_NAME
        || !name.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalStateException("serialization.serializer " + type.getName() + " names its format '"
          + (name == null ? null : name.substring(0, Math.min(name.length(), 80)))
          + "'; formatName() must be 1 to " + MAX_NAME + " printable ASCII characters without spaces");
    }
    return new PluggedSerializer(serializer, name.getBytes(StandardCharsets.US_ASCII));
  }

  /** The format's name, as stored: ASCII, 1 to 255 bytes. */
  byte[] storedName() {
    return formatName.clone();
  }

  @Override
  public String formatName() {
    return new String(formatName, StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] serialize(Object value) {
    byte[] bytes;
    try {
      bytes = serializer.serialize(value);
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException(failed("write a value of " + value.getClass().getName(), e), e);
    }
    if (bytes == null) {
      throw new CodecException(serializer.getClass().getName() + " returned no bytes for a value of "
          + value.getClass().getName());
    }
    return bytes;
  }

  /** Whatever the application's serializer throws on reading is a value it cannot read: the corrupt-value policy. */
  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    try {
      return serializer.deserialize(bytes, offset, length);
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException(failed("read the stored bytes", e), e);
    }
  }

  @Override
  public Object deserialize(InputStream stream, long budget) {
    try {
      return serializer.deserialize(stream, budget);
    } catch (CodecException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CodecException(failed("read the stored bytes", e), e);
    }
  }

  private String failed(String what, RuntimeException e) {
    String detail = String.valueOf(e.getMessage());
    return serializer.getClass().getName() + " could not " + what + ": " + e.getClass().getSimpleName() + " "
        + (detail.length() > 200 ? detail.substring(0, 200) + "..." : detail);
  }
}
