package org.stratacache.jcache.internal.config;

import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.internal.store.redis.RedisEndpoint;

/**
 * Reads a setting's value as every source of settings (file, properties, environment) must: the
 * setting's own parser, then what the store that uses the value needs of it, so that a bad value
 * fails where it is read (creating the manager, or resolving a cache's defaults) with the message
 * of {@link Setting#parse}. A Redis URI must be one Lettuce can connect to; that check lives with the
 * Redis store, which the public configuration package does not depend on.
 */
final class SettingValues {

  private SettingValues() {
  }

  /**
   * The typed value of {@code raw} for {@code setting}.
   *
   * @throws IllegalArgumentException as {@link Setting#parse} does
   */
  static Object parse(Setting setting, Object raw, ClassLoader loader) {
    Object value = setting.parse(raw, loader);
    if (setting == Setting.REDIS_URI) {
      try {
        RedisEndpoint.check((String) value);
      } catch (IllegalArgumentException e) {
        throw setting.refused(raw, e);
      }
    }
    return value;
  }
}
