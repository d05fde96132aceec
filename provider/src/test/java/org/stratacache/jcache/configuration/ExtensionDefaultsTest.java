package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** Defaults a cache extension gives its caches: behind the cache's own settings, ahead of the manager's. */
class ExtensionDefaultsTest {

  private static final Map<String, Object> EXTENSION = Map.of("resilience", "miss",
      "serialization.allowed-classes", List.of(BigDecimal.class.getName(), Thread.State.class.getName()));

  private static StrataConfiguration<String, String> resolve(StrataConfiguration.Builder<String, String> given,
                                                             Map<String, Object> extension) {
    Properties manager = new Properties();
    manager.setProperty(Setting.RESILIENCE.property(), "local-fallback");
    return ManagerDefaults.of(manager, name -> null, Map.of("REDIS_URL", "redis://env")::get)
        .resolve(given.build(), extension);
  }

  @Test
  void theyFillWhatTheCacheLeavesUnsetAheadOfTheManagersDefaults() {
    assertThat(resolve(StrataConfiguration.builder(String.class, String.class), EXTENSION).getResilience().getPolicy())
        .isEqualTo(ResiliencePolicy.MISS);
    assertThat(resolve(StrataConfiguration.builder(String.class, String.class), Map.of()).getResilience().getPolicy())
        .isEqualTo(ResiliencePolicy.LOCAL_FALLBACK);
    assertThat(resolve(StrataConfiguration.builder(String.class, String.class)
        .resiliencePolicy(ResiliencePolicy.FAIL), EXTENSION).getResilience().getPolicy()).isEqualTo(ResiliencePolicy.FAIL);
  }

  @Test
  void theirAllowListsAreAddedToTheCachesOwn() {
    StrataConfiguration<String, String> resolved = resolve(StrataConfiguration.builder(String.class, String.class)
        .serialization(SerializationSettings.none().allowClass(Integer.class)), EXTENSION);
    assertThat(resolved.getSerialization().allowedClasses()).contains(Integer.class.getName(),
        BigDecimal.class.getName(), Thread.State.class.getName());
  }

  @Test
  void aWrongValueNamesTheKey() {
    assertThatThrownBy(() -> resolve(StrataConfiguration.builder(String.class, String.class),
        Map.of("resilience", "sometimes"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resilience").hasMessageContaining("sometimes");
  }
}
