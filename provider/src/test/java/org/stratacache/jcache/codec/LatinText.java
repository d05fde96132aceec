package org.stratacache.jcache.codec;

import java.nio.charset.StandardCharsets;

/**
 * An application's serializer as a user might write one: strings as ISO-8859-1 bytes, and any bytes
 * read back as a string, so on its own it cannot tell its values from another format's.
 */
public class LatinText implements ValueSerializer {

  @Override
  public String formatName() {
    return "latin-text/1";
  }

  @Override
  public byte[] serialize(Object value) {
    if (!(value instanceof String text)) {
      throw new ClassCastException(value.getClass().getName() + " is not a String");
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public Object deserialize(byte[] bytes, int offset, int length) {
    return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
  }

  /** The same bytes under another format name. */
  public static final class Other extends LatinText {
    @Override
    public String formatName() {
      return "other-text";
    }
  }
}
