package org.stratacache.spring.boot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;

/**
 * The keys the starter accepts, from the provider's declarations: every {@link Setting} (for the whole
 * manager when it is a manager default, for one cache always), the settings the extensions on the
 * class path declare ({@link CacheExtension#declaredSettings()}), and the starter's own.
 */
final class StrataKeys {

  /** Where the settings of one cache go: {@code strata.caches.<cache-name>.<key>}. */
  static final String CACHES = "strata.caches";

  private final List<ExtensionSetting<?>> extensionSettings;

  private StrataKeys(List<ExtensionSetting<?>> extensionSettings) {
    this.extensionSettings = extensionSettings;
  }

  /** The keys with the extensions {@code classLoader} finds, as the cache manager finds them. */
  static StrataKeys of(ClassLoader classLoader) {
    List<ExtensionSetting<?>> declared = new ArrayList<>();
    ServiceLoader.load(CacheExtension.class, classLoader == null ? StrataKeys.class.getClassLoader() : classLoader)
        .forEach(extension -> declared.addAll(extension.declaredSettings()));
    return new StrataKeys(Collections.unmodifiableList(declared));
  }

  /** The settings the extensions declare. */
  List<ExtensionSetting<?>> extensionSettings() {
    return extensionSettings;
  }

  /** Whether {@code key} (without {@code strata.}) is an extension's setting. */
  boolean isExtensionKey(String key) {
    return extensionSettings.stream().anyMatch(setting -> setting.key().equals(key));
  }

  /** The {@code strata.*} properties for the whole manager, in canonical form. */
  Set<String> managerProperties() {
    Set<String> keys = new TreeSet<>();
    for (Setting setting : Setting.values()) {
      if (setting.isManagerDefault()) {
        keys.add(setting.property());
      }
    }
    extensionSettings.forEach(setting -> keys.add(setting.property()));
    keys.add(StrataSettings.STATISTICS);
    keys.add(StrataSettings.MANAGEMENT);
    return keys;
  }

  /**
   * The keys of one cache ({@code strata.caches.<cache-name>.<key>}): every setting but the manager's
   * own (its pools' sizes), and every extension setting.
   */
  Set<String> cacheKeys() {
    Set<String> keys = new TreeSet<>();
    for (Setting setting : Setting.values()) {
      if (!setting.isManagerOnly()) {
        keys.add(setting.key());
      }
    }
    extensionSettings.forEach(setting -> keys.add(setting.key()));
    return keys;
  }

  /** What to say about {@code key} (without {@code strata.}) when it is not accepted for the manager. */
  String hint(String key) {
    for (Setting setting : Setting.values()) {
      if (!setting.isManagerDefault() && (key.equals(setting.key()) || key.startsWith(setting.key() + "."))) {
        return " (" + setting.key() + " is a setting of one cache: set " + CACHES + ".<cache-name>." + setting.key()
            + ", or put it in that cache's section of the configuration file named by spring.cache.jcache.config)";
      }
    }
    if (key.startsWith("caches")) {
      return " (the settings of one cache are " + CACHES + ".<cache-name>.<key>, with a key of the configuration "
          + "reference: " + String.join(", ", cacheKeys()) + ")";
    }
    if (key.startsWith("ai.") && extensionSettings.stream().noneMatch(setting -> setting.key().startsWith("ai."))) {
      return " (the ai.* settings belong to the AI cache: add org.stratacache:strata-ai to the application)";
    }
    return "";
  }
}
