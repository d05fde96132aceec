package org.stratacache.jcache.internal.codec;

import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.configuration.Setting;

/** Messages for a value over one of the {@link org.stratacache.jcache.configuration.DecodeLimits}. */
public final class DecodeBounds {

  private DecodeBounds() {
  }

  /** How a message names the setting of {@code limit}: its file key and its property. */
  static String setting(Limit limit) {
    return "the setting " + limit.key() + " (" + Setting.PROPERTY_PREFIX + limit.key() + ")";
  }

  /** A value over {@code limit}: {@code what} says by how much. */
  public static CodecException exceeded(Limit limit, String what, long allowed) {
    return new CodecException("The value is over a decoding bound: " + what + ", and " + setting(limit)
        + " allows " + allowed);
  }
}
