package org.stratacache.jcache.internal.config;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Checks a configuration before a cache is built from it, so that a bad setting fails at
 * {@code createCache} with a message naming the field, the value and what is allowed: the range of
 * every {@link Setting} as it declares it, the fields a configuration cannot do without, and the
 * key ring. Plain checks, no Bean Validation provider: a validator on the class path would switch
 * on validation in the host application (Spring Boot's {@code ValidationAutoConfiguration}).
 */
public final class ConfigurationValidator {

  private static final String NOT_NULL = "must not be null";
  private static final String NOT_SHOWN = " = (not shown): ";

  private ConfigurationValidator() {
  }

  /**
   * Validates {@code configuration}.
   *
   * @param cacheName the cache the configuration is for, named in the message
   * @throws IllegalArgumentException listing every invalid setting
   */
  public static void validate(String cacheName, Object configuration) {
    List<String> problems = new ArrayList<>();
    if (configuration instanceof StrataConfiguration<?, ?> strata) {
      for (Setting setting : Setting.values()) {
        Object value = setting.isSecret() ? null : setting.configuredIn(strata);
        String violation = setting.violation(value);
        if (violation != null) {
          problems.add(setting.field() + " = " + value + ": " + violation);
        }
      }
      required(problems, "keyType", strata.getKeyType());
      required(problems, "valueType", strata.getValueType());
      required(problems, "expiryPolicyFactory", strata.getExpiryPolicyFactory());
      required(problems, "storeType", strata.getStoreType());
      required(problems, "serialization", strata.getSerialization());
      if (strata.getEncryption() != null) {
        encryption(problems, strata.getEncryption());
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    problems.sort(null);
    throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': "
        + String.join("; ", problems));
  }

  /**
   * Checks the extension sections {@code configuration} holds against the constraints their
   * settings declare ({@link ExtensionSetting#violation}).
   *
   * @throws IllegalArgumentException listing every value outside its constraint
   */
  public static void validateSections(String cacheName, StrataConfiguration<?, ?> configuration,
                                      List<CacheExtension> extensions) {
    List<String> problems = new ArrayList<>();
    for (CacheExtension extension : extensions) {
      for (ExtensionSetting<?> setting : extension.declaredSettings()) {
        Object value = configured(setting, configuration);
        String violation = setting.violation(value);
        if (violation != null) {
          problems.add(setting.key() + " = " + value + ": " + violation);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': "
          + String.join("; ", problems));
    }
  }

  private static <S extends Serializable> Object configured(ExtensionSetting<S> setting,
                                                            StrataConfiguration<?, ?> configuration) {
    S section = configuration.getSection(setting.section());
    return section == null ? null : setting.configuredIn(section);
  }

  private static void required(List<String> problems, String field, Object value) {
    if (value == null) {
      problems.add(field + " = null: " + NOT_NULL);
    }
  }

  /** Key ids, key lengths and the current key; the values hold key material and are never shown. */
  private static void encryption(List<String> problems, EncryptionSettings encryption) {
    Map<Integer, byte[]> keys = encryption.keys();
    if (keys.isEmpty()) {
      problems.add("encryption.keys" + NOT_SHOWN + "must hold at least one key (encryption.keys, "
          + "CACHE_ENCRYPTION_KEYS)");
      return;
    }
    keys.forEach((id, key) -> {
      if (id < 0) {
        problems.add("encryption.keys<K>[" + id + "]" + NOT_SHOWN + "must be greater than or equal to 0");
      } else if (id > EncryptionSettings.MAX_KEY_ID) {
        problems.add("encryption.keys<K>[" + id + "]" + NOT_SHOWN + "must be less than or equal to "
            + EncryptionSettings.MAX_KEY_ID);
      }
      if (key == null) {
        problems.add("encryption.keys[" + id + "]" + NOT_SHOWN + NOT_NULL);
      } else if (key.length != EncryptionSettings.KEY_BYTES) {
        problems.add("encryption.keys[" + id + "]" + NOT_SHOWN + "must be 32 bytes (an AES-256 key)");
      }
    });
    if (!keys.containsKey(encryption.currentKey())) {
      problems.add("encryption.currentKey" + NOT_SHOWN + "must name a key of encryption.keys (encryption.current-key, "
          + "CACHE_ENCRYPTION_CURRENT_KEY; it may be left out only when the ring holds one key)");
    }
  }
}
