package org.stratacache.jcache.internal.store.redis;

import java.nio.charset.StandardCharsets;
import org.stratacache.jcache.store.EntryExpiry;

/** Lifetimes as the Lua scripts take them: milliseconds, {@code -1} eternal, {@code -2} keep, {@code 0} now. */
final class Ttl {

  static final long ETERNAL = -1;
  static final long KEEP = -2;

  private Ttl() {
  }

  /** The script code of an {@link EntryExpiry} duration. */
  static long code(long duration) {
    if (duration == EntryExpiry.KEEP) {
      return KEEP;
    }
    return duration == EntryExpiry.ETERNAL ? ETERNAL : duration;
  }

  /** The script argument of an {@link EntryExpiry} duration. */
  static byte[] arg(long duration) {
    return ascii(code(duration));
  }

  static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }
}
