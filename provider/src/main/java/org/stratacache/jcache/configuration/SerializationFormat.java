package org.stratacache.jcache.configuration;

import java.util.Locale;

/**
 * How a serializing store (Redis) writes a cache's values, inside the same versioned envelope
 * (format byte, flags, then compression and encryption as configured).
 */
public enum SerializationFormat {

  /** Kryo: compact and fast, read by JVMs only. The default. */
  KRYO,

  /**
   * JSON (UTF-8, through Jackson, which the application puts on the class path): values readable
   * by programs in other languages, read back into the cache's declared value type; the stored
   * bytes never name a class.
   */
  JSON;

  /** The name in a configuration file: {@code kryo} or {@code json}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code text}, in any case.
   *
   * @throws IllegalArgumentException naming the accepted values when there is none
   */
  public static SerializationFormat parse(String text) {
    for (SerializationFormat format : values()) {
      if (format.key().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException("Unknown serialization format '" + text + "': use kryo or json");
  }
}
