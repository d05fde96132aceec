package org.stratacache.jcache.internal;

/**
 * Keys, values and Redis URIs as messages show them: keys and values cut to a readable length, so
 * that an error about a 1 MB key is not a 1 MB message (nor a 1 MB log line), and URIs with their
 * password masked.
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

  /**
   * {@code uri} with its user-info (everything between {@code ://}, or the start when there is no
   * scheme, and the last {@code @}) replaced by the user name and {@code ****}; safe to log whatever
   * the password holds. Found by position, never by pattern, and without parsing: it shows URIs no
   * parser accepts.
   */
  public static String maskUri(String uri) {
    if (uri == null) {
      return "null";
    }
    int scheme = uri.indexOf("://");
    int start = scheme < 0 ? 0 : scheme + 3;
    int at = uri.lastIndexOf('@');
    if (at < start) {
      return uri;
    }
    String userInfo = uri.substring(start, at);
    int colon = userInfo.indexOf(':');
    boolean plainUser = colon > 0 && userInfo.substring(0, colon).chars()
        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    String masked = plainUser ? userInfo.substring(0, colon) + ":****" : "****";
    return uri.substring(0, start) + masked + uri.substring(at);
  }
}
