package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.DecodeLimits.Limit;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** The decoding bounds come from the same places as every setting, and a cache's own value wins. */
class DecodeLimitsSettingTest {

  @Test
  void everyBoundHasASettingWithItsDefaultAndRange() {
    for (Limit limit : Limit.values()) {
      Setting setting = Setting.byKey(limit.key());
      assertThat(setting).as(limit.key()).isNotNull();
      assertThat(setting.accepts()).isEqualTo(limit.accepts());
      assertThat(setting.typedDefault()).isEqualTo(limit.defaultValue());
      assertThat(setting.defaultValue()).isEqualTo(String.valueOf(limit.defaultValue()));
      assertThat(DecodeLimits.defaults().get(limit)).isEqualTo(limit.defaultValue());
      assertThatThrownBy(() -> DecodeLimits.defaults().with(limit, limit.min() - 1))
          .hasMessageContaining(limit.key());
    }
  }

  @Test
  void managerPropertiesFillBoundsACacheLeavesUnset() {
    Properties manager = new Properties();
    manager.setProperty("strata.limits.length", "5000");
    manager.setProperty("strata.limits.depth", "64");
    ManagerDefaults defaults = ManagerDefaults.of(manager, Map.<String, String>of()::get,
        Map.of("REDIS_URL", "redis://env")::get);
    StrataConfiguration<String, String> given = StrataConfiguration.builder(String.class, String.class)
        .serialization(SerializationSettings.none().allowPackage("com.shop")
            .limits(DecodeLimits.defaults().with(Limit.DEPTH, 32)))
        .build();
    DecodeLimits resolved = defaults.resolve(given).getSerialization().limits();
    assertThat(resolved.length()).isEqualTo(5000);
    assertThat(resolved.depth()).as("the cache's own").isEqualTo(32);
    assertThat(resolved.valueSize()).isEqualTo(16 << 20);
    assertThat(defaults.resolve(given).getSerialization().allowedPackages()).contains("com.shop");
  }

  @Test
  void aMalformedBoundFailsNamingTheSetting() {
    Properties manager = new Properties();
    manager.setProperty("strata.limits.value-size", "1");
    ManagerDefaults defaults = ManagerDefaults.of(manager, Map.<String, String>of()::get,
        Map.<String, String>of()::get);
    assertThatThrownBy(() -> defaults.resolve(StrataConfiguration.builder(String.class, String.class).build()))
        .hasMessageContaining("strata.limits.value-size").hasMessageContaining("from 64");
  }
}
