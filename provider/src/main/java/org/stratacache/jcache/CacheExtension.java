package org.stratacache.jcache;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Lets a module add what {@code cache.unwrap(type)} can return, without the provider knowing it:
 * implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.stratacache.jcache.CacheExtension} file) through the cache
 * manager's class loader. An extension builds on the public {@link StrataCache} API only.
 *
 * <p>Each cache asks each extension at most once per type; the object returned is kept for the
 * cache's lifetime, handed out on every later {@code unwrap}, and closed with the cache if it is
 * {@link AutoCloseable}. Implementations must be thread-safe and have a public no-argument constructor.
 */
public interface CacheExtension {

  /**
   * An object of {@code type} working on {@code cache}, or {@code null} when this extension does
   * not provide {@code type}.
   *
   * @param cache the cache being unwrapped
   * @param type  what the caller asked for
   * @param <T>   the requested type
   * @return the extension object, or {@code null}
   * @throws IllegalArgumentException when this extension provides {@code type} but not for a
   *                                  cache configured like this one (the message says why)
   */
  <T> T extend(StrataCache<?, ?> cache, Class<T> type);

  /**
   * Reads a section of a cache's entry in a configuration file that this extension owns (for
   * example {@code ai:}), or returns {@code null} when the section is not this extension's. The
   * result is attached to the cache's configuration with {@code StrataConfiguration.Builder#extension}.
   * Only called for sections whose settings are not declared ({@link #declaredSettings()}): the
   * cache manager reads a declared section itself, into {@link #emptySection(Class)}.
   *
   * @param section the section's key
   * @param values  its content, as parsed from YAML or properties
   * @return the extension's settings, or {@code null}
   * @throws IllegalArgumentException naming the key, the value and what is accepted when a value is wrong
   */
  default Serializable settings(String section, Map<String, Object> values) {
    return null;
  }

  /**
   * Settings this extension gives a cache it serves, where the cache does not set them itself:
   * called at {@code createCache} for every cache, with its configuration as given (code or
   * configuration file), before the manager's defaults are applied. Keys and values are those of
   * a cache's section in a configuration file ({@code resilience}, {@code corrupt-values},
   * {@code serialization.allowed-classes}, ...). Serialization allow-lists are added to the cache's
   * own, so an extension can allow the classes its own value types need; every other setting
   * applies only where the cache leaves it unset, ahead of the manager's defaults. The provider
   * validates them as it validates a file.
   *
   * @param given the cache's configuration before defaults
   * @return the settings to apply, empty (the default) for caches that are not this extension's
   */
  default Map<String, Object> cacheDefaults(StrataConfiguration<?, ?> given) {
    return Map.of();
  }

  /**
   * The settings of this extension's section, each declared once: the cache manager fills a
   * section's unset settings from its properties ({@code strata.<key>}), the top level of its
   * configuration file, system properties and the environment, in that order, and the user guide's
   * configuration reference lists them.
   *
   * @return the declarations, empty (the default) when the extension has no settings
   */
  default List<ExtensionSetting<?>> declaredSettings() {
    return List.of();
  }

  /**
   * A section of {@code type}, one of the section types of {@link #declaredSettings()}, with nothing
   * set: the cache manager applies to it the declared settings that a cache's section in a
   * configuration file holds (section name: the first segment of their keys).
   *
   * @return the empty section, or {@code null} (the default) when {@code type} is not this extension's
   */
  default <S extends Serializable> S emptySection(Class<S> type) {
    return null;
  }

  /**
   * The section a cache this extension serves gets when its configuration attaches none, so that
   * the manager can fill it ({@link #declaredSettings()}); called at {@code createCache} with the
   * cache's configuration as given.
   *
   * @return a section with nothing set, or {@code null} (the default) for caches it does not serve
   */
  default Serializable defaultSection(StrataConfiguration<?, ?> given) {
    return null;
  }
}
