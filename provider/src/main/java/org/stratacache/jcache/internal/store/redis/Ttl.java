package org.stratacache.jcache.internal.store.redis;

import io.lettuce.core.SetArgs;
import java.nio.charset.StandardCharsets;
import org.stratacache.jcache.store.Lifetime;

/**
 * Lifetimes as the Lua scripts take them: milliseconds, {@code -1} eternal, {@code -2} keep, {@code 0} now;
 * and as {@code SET} takes them.
 */
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

  /** The lifetime that {@code PTTL} answered: {@code null} for no key ({@code -2}), eternal for {@code -1}. */
  static Lifetime remaining(Long pttl) {
    if (pttl == null || pttl == -2 || pttl == 0) {
      return null;
    }
    return pttl == -1 ? Lifetime.ETERNAL : Lifetime.ofMillis(pttl);
  }

  /** The script argument of a lifetime. */
  static byte[] arg(Lifetime lifetime) {
    return ascii(code(lifetime));
  }

  /** The lifetime arguments of a {@code SET} giving a new entry {@code creation} and an existing one {@code update}. */
  static SetArgs setArgs(Lifetime creation, Lifetime update) {
    if (creation.isEternal()) {
      return update.isKeep() ? SetArgs.Builder.keepttl() : new SetArgs();
    }
    return SetArgs.Builder.px(creation.millis());
  }

  static byte[] ascii(long number) {
    return Long.toString(number).getBytes(StandardCharsets.US_ASCII);
  }
}
