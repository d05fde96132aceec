package org.stratacache.jcache.internal;

/**
 * Keys and values as messages show them: cut to a readable length, so that an error about a
 * 1 MB key is not a 1 MB message (nor a 1 MB log line).
 */
public final class Messages {

  /** Characters of a key or value a message shows before cutting it. */
  public static final int MAX_SHOWN = 200;

  private Messages() {
  }

  /**
   * {@code String.valueOf(value)}, or its first {@value #MAX_SHOWN} characters followed by
   * {@code "… (N chars)"} when longer.
   */
  public static String shorten(Object value) {
    String text = String.valueOf(value);
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(MAX_SHOWN - 1)) ? MAX_SHOWN - 1 : MAX_SHOWN;
    return text.substring(0, end) + "… (" + text.length() + " chars)";
  }

  /**
   * Bytes (a Redis key) as text: printable ASCII as is, other bytes as {@code \xNN}; past
   * {@value #MAX_SHOWN} bytes cut, followed by {@code "… (N bytes)"}.
   */
  public static String printable(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    int shown = Math.min(bytes.length, MAX_SHOWN);
    for (int i = 0; i < shown; i++) {
      int c = bytes[i] & 0xff;
      if (c >= 0x20 && c < 0x7f) {
        text.append((char) c);
      } else {
        text.append(String.format("\\x%02x", c));
      }
    }
    if (shown < bytes.length) {
      text.append("… (").append(bytes.length).append(" bytes)");
    }
    return text.toString();
  }
}
