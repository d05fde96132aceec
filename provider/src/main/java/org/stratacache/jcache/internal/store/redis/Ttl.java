package org.stratacache.jcache.internal.store.redis;

import java.nio.charset.StandardCharsets;
import org.stratacache.jcache.store.Lifetime;

/** Lifetimes as the Lua scripts take them: milliseconds, {@code -1} eternal, {@code -2} keep, {@code 0} now. */
final class Ttl {

  static final long ETERNAL = -1;
  static final long KEEP = -2;

  private Ttl() {
  }

  /** The script code of a lifetime. */
  static long code(Lifetime lifetime) {
    if (lifetime.isKeep()) {
      return KEEP;
    }
    if (lifetime.isEternal()) {
      return ETERNAL;
    }
    return lifetime.isExpireNow() ? 0 : lifetime.millis();
  }

  /** The script argument of a lifetime. */
  static byte[] arg(Lifetime lifetime) {
    return ascii(code(lifetime));
  }

  static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }
}
