package org.stratacache.jcache.configuration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns raw setting values (text from properties and environment variables, or YAML scalars,
 * lists and maps) into typed values and applies them to a configuration builder. Every failure is
 * an {@link IllegalArgumentException} saying what the setting accepts; callers add where the value
 * came from.
 */
final class SettingValues {

  private SettingValues() {
  }

  /** The typed value of {@code raw} for {@code setting}. */
  static Object parse(Setting setting, Object raw, ClassLoader loader) {
    try {
      return switch (setting) {
        case STORE -> enumValue(StoreType.class, raw);
        case REDIS_URI -> redisUri(raw);
        case KEY_PREFIX, REDIS_TLS_CA_FILE, REDIS_TLS_CLIENT_CERT_FILE, REDIS_TLS_CLIENT_KEY_FILE,
             REDIS_TLS_KEYSTORE_FILE -> text(raw);
        case REDIS_TLS_KEY_PASSWORD -> password(raw);
        case REDIS_TIMEOUT, DEFAULT_TTL -> Durations.parse(raw, setting.key());
        case MAXIMUM_SIZE, FALLBACK_MAXIMUM_SIZE, NEAR_CACHE_MAXIMUM_SIZE -> range(raw, 0, Long.MAX_VALUE);
        case COMPRESSION_THRESHOLD -> (int) range(raw, 0, Integer.MAX_VALUE);
        case COMPRESSION_LEVEL -> (int) range(raw, 1, 22);
        case CORRUPT_VALUES -> enumValue(CorruptValuePolicy.class, raw);
        case RESILIENCE -> enumValue(ResiliencePolicy.class, raw);
        case STATISTICS, MANAGEMENT, STORE_BY_VALUE, REDIS_TLS_VERIFY_HOSTNAME, REMOTE_EVENTS -> bool(raw);
        case KEY_TYPE, VALUE_TYPE -> type(raw, loader);
        case ALLOWED_PACKAGES -> list(raw);
        case ALLOWED_CLASSES -> classes(raw, loader);
        case REGISTRATIONS -> registrations(raw, loader);
        case SERIALIZATION_FORMAT -> enumValue(SerializationFormat.class, raw);
        case ENCRYPTION_KEYS -> EncryptionKeys.parse(raw);
        case ENCRYPTION_CURRENT_KEY -> (int) range(raw, 0, EncryptionSettings.MAX_KEY_ID);
        case ENCRYPTION_REQUIRE -> bool(raw);
        case LIMIT_VALUE_SIZE, LIMIT_DECODED_SIZE, LIMIT_LENGTH, LIMIT_DEPTH, LIMIT_HASH_WORK ->
            range(raw, setting.limit().min(), setting.limit().max());
      };
    } catch (IllegalArgumentException e) {
      if (setting.isSecret()) {
        // neither the value nor a cause quoting it: only why it was refused
        throw new IllegalArgumentException("the value (not shown) is not allowed: " + setting.key() + " takes "
            + setting.accepts() + (setting == Setting.ENCRYPTION_KEYS ? " (" + e.getMessage() + ")" : ""));
      }
      Object shown = setting == Setting.REDIS_URI ? RedisUris.mask(String.valueOf(raw))
          : setting == Setting.REDIS_TLS_KEY_PASSWORD ? "****" : raw;
      throw new IllegalArgumentException("'" + shown + "' is not allowed: " + setting.key() + " takes "
          + setting.accepts(), setting == Setting.REDIS_URI ? null : e);
    }
  }

  /** Sets a parsed value on {@code builder}. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static void apply(Setting setting, Object value, StrataConfiguration.Builder builder) {
    switch (setting) {
      case STORE -> builder.storeType((StoreType) value);
      case REDIS_URI -> builder.redisUri((String) value);
      case KEY_PREFIX -> builder.keyPrefix((String) value);
      case REDIS_TIMEOUT -> builder.redisTimeout((java.time.Duration) value);
      case DEFAULT_TTL -> builder.defaultTtl((java.time.Duration) value);
      case MAXIMUM_SIZE -> builder.maximumSize((Long) value);
      case FALLBACK_MAXIMUM_SIZE -> builder.fallbackMaximumSize((Long) value);
      case NEAR_CACHE_MAXIMUM_SIZE -> builder.nearCacheMaximumSize((Long) value);
      case REMOTE_EVENTS -> builder.remoteEvents((Boolean) value);
      case COMPRESSION_THRESHOLD -> builder.compressionThreshold((Integer) value);
      case COMPRESSION_LEVEL -> builder.compressionLevel((Integer) value);
      case CORRUPT_VALUES -> builder.corruptValuePolicy((CorruptValuePolicy) value);
      case RESILIENCE -> builder.resiliencePolicy((ResiliencePolicy) value);
      case REDIS_TLS_CA_FILE, REDIS_TLS_CLIENT_CERT_FILE, REDIS_TLS_CLIENT_KEY_FILE, REDIS_TLS_KEYSTORE_FILE,
           REDIS_TLS_KEY_PASSWORD, REDIS_TLS_VERIFY_HOSTNAME ->
          builder.redisTls(tls(setting, value, builder.currentRedisTls()));
      case STATISTICS -> builder.statisticsEnabled((Boolean) value);
      case MANAGEMENT -> builder.managementEnabled((Boolean) value);
      case STORE_BY_VALUE -> builder.storeByValue((Boolean) value);
      case KEY_TYPE, VALUE_TYPE -> { }
      case ENCRYPTION_KEYS -> builder.encryption(builder.currentEncryption().withKeys((Map<Integer, byte[]>) value));
      case ENCRYPTION_CURRENT_KEY -> builder.encryption(builder.currentEncryption().current((Integer) value));
      case ENCRYPTION_REQUIRE -> {
        // "false" without keys is no encryption at all; "true" without keys fails validation
        if ((Boolean) value || !builder.currentEncryption().keys().isEmpty()) {
          builder.encryption(builder.currentEncryption().require((Boolean) value));
        }
      }
      case ALLOWED_PACKAGES, ALLOWED_CLASSES, REGISTRATIONS ->
          builder.serialization(((SerializationSettings) builder.currentSerialization())
              .merge(serialization(setting, value)));
      case SERIALIZATION_FORMAT -> builder.serialization(((SerializationSettings) builder.currentSerialization())
          .format((SerializationFormat) value));
      case LIMIT_VALUE_SIZE, LIMIT_DECODED_SIZE, LIMIT_LENGTH, LIMIT_DEPTH, LIMIT_HASH_WORK -> {
        SerializationSettings current = builder.currentSerialization();
        builder.serialization(current.limits(current.limits().with(setting.limit(), (Long) value)));
      }
      default -> throw new IllegalStateException("unknown setting " + setting);
    }
  }

  /** Serialization settings holding one parsed serialization value. */
  @SuppressWarnings("unchecked")
  static SerializationSettings serialization(Setting setting, Object value) {
    SerializationSettings settings = SerializationSettings.none();
    switch (setting) {
      case ALLOWED_PACKAGES -> {
        for (String name : (List<String>) value) {
          settings = settings.allowPackage(name);
        }
      }
      case ALLOWED_CLASSES -> {
        for (Class<?> type : (List<Class<?>>) value) {
          settings = settings.allowClass(type);
        }
      }
      case REGISTRATIONS -> {
        for (Map.Entry<Class<?>, Integer> entry : ((Map<Class<?>, Integer>) value).entrySet()) {
          settings = settings.register(entry.getKey(), entry.getValue());
        }
      }
      default -> throw new IllegalStateException(setting + " is not a serialization setting");
    }
    return settings;
  }

  private static RedisTlsSettings tls(Setting setting, Object value, RedisTlsSettings tls) {
    return switch (setting) {
      case REDIS_TLS_CA_FILE -> tls.caFile((String) value);
      case REDIS_TLS_CLIENT_CERT_FILE -> tls.clientCertFile((String) value);
      case REDIS_TLS_CLIENT_KEY_FILE -> tls.clientKeyFile((String) value);
      case REDIS_TLS_KEYSTORE_FILE -> tls.keystoreFile((String) value);
      case REDIS_TLS_KEY_PASSWORD -> tls.keyPassword((String) value);
      case REDIS_TLS_VERIFY_HOSTNAME -> tls.verifyHostname((Boolean) value);
      default -> throw new IllegalStateException(setting + " is not a TLS setting");
    };
  }

  /** A password as given: surrounding spaces may be part of it. */
  private static String password(Object raw) {
    String value = String.valueOf(raw);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  private static String text(Object raw) {
    String value = String.valueOf(raw).trim();
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return value;
  }

  private static String redisUri(Object raw) {
    String uri = text(raw);
    try {
      RedisUris.validate(uri, StrataConfiguration.DEFAULT_REDIS_TIMEOUT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a Redis URI", e);
    }
    return uri;
  }

  private static long range(Object raw, long min, long max) {
    long value;
    if (raw instanceof Number number) {
      if (number.doubleValue() != number.longValue()) {
        throw new IllegalArgumentException("not a whole number");
      }
      value = number.longValue();
    } else {
      value = Long.parseLong(text(raw).replace("_", ""));
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  private static boolean bool(Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    String text = text(raw).toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw new IllegalArgumentException("not a boolean");
    }
    return Boolean.parseBoolean(text);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, Object raw) {
    return Enum.valueOf(type, text(raw).toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  private static Class<?> type(Object raw, ClassLoader loader) {
    if (raw instanceof Class<?> type) {
      return type;  // already parsed, e.g. by the configuration file
    }
    String name = text(raw);
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no class " + name + " on the class path", e);
    }
  }

  private static List<String> list(Object raw) {
    Collection<?> items = raw instanceof Collection<?> collection ? collection : List.of(text(raw).split(","));
    List<String> values = new ArrayList<>();
    for (Object item : items) {
      String value = (item instanceof Class<?> type ? type.getName() : String.valueOf(item)).trim();
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  private static List<Class<?>> classes(Object raw, ClassLoader loader) {
    List<Class<?>> types = new ArrayList<>();
    for (String name : list(raw)) {
      types.add(type(name, loader));
    }
    return types;
  }

  private static Map<Class<?>, Integer> registrations(Object raw, ClassLoader loader) {
    if (!(raw instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a map");
    }
    Map<Class<?>, Integer> registrations = new java.util.LinkedHashMap<>();
    map.forEach((name, id) -> registrations.put(type(name, loader),
        (int) range(id, SerializationSettings.FIRST_USER_ID, Integer.MAX_VALUE)));
    return registrations;
  }
}
