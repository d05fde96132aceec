package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import org.stratacache.jcache.store.EntryExpiry;

/**
 * Lifetimes as the Lua scripts take them: milliseconds, {@code -1} eternal, {@code -2} keep, {@code 0} now;
 * and as {@code SET} takes them.
 */
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

  /** The lifetime arguments of a {@code SET} giving a new entry {@code creation} and an existing one {@code update}. */
  static SetArgs setArgs(long creation, long update) {
    if (creation == EntryExpiry.ETERNAL) {
      return update == EntryExpiry.KEEP ? SetArgs.Builder.keepttl() : new SetArgs();
    }
    return SetArgs.Builder.px(creation);
  }

  static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }
}
