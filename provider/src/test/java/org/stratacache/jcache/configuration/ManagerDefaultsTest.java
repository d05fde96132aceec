package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** Cache configuration, then manager properties, then system properties, then the environment. */
class ManagerDefaultsTest {

  private static ManagerDefaults defaults(Properties manager, Map<String, String> system, Map<String, String> env) {
    return ManagerDefaults.of(manager, system::get, env::get);
  }

  private static StrataConfiguration<String, String> resolve(ManagerDefaults defaults,
                                                            StrataConfiguration.Builder<String, String> given) {
    return defaults.resolve(given.build());
  }

  @Test
  void withNothingConfiguredCachesLiveInMemoryWithBuiltInDefaults() {
    StrataConfiguration<String, String> resolved = resolve(defaults(null, Map.of(), Map.of()),
        StrataConfiguration.builder(String.class, String.class));
    assertThat(resolved.getStoreType()).isEqualTo(StoreType.MEMORY);
    assertThat(resolved.getCodec().getCompressionThreshold()).isEqualTo(1000);
    assertThat(resolved.getCodec().getCompressionLevel()).isEqualTo(1);
  }

  @Test
  void redisUrlInTheEnvironmentPutsCachesOnRedis() {
    StrataConfiguration<String, String> resolved = resolve(defaults(null, Map.of(), Map.of("REDIS_URL",
        "redis://env:6379")), StrataConfiguration.builder(String.class, String.class));
    assertThat(resolved.getStoreType()).isEqualTo(StoreType.REDIS);
    assertThat(resolved.getRedis().getUri()).isEqualTo("redis://env:6379");
  }

  @Test
  void precedenceIsConfigurationThenManagerThenSystemThenEnvironment() {
    Properties manager = new Properties();
    manager.setProperty(Setting.REDIS_URI.property(), "redis://manager");
    Map<String, String> system = Map.of(Setting.REDIS_URI.property(), "redis://system",
        Setting.COMPRESSION_LEVEL.property(), "9");
    Map<String, String> env = Map.of("REDIS_URL", "redis://env", "CACHE_COMPRESSION_LEVEL", "3",
        "CACHE_COMPRESSION_THRESHOLD", "64");
    assertThat(resolve(defaults(manager, system, env), StrataConfiguration.builder(String.class, String.class)
        .redisUri("redis://config")).getRedis().getUri()).isEqualTo("redis://config");
    StrataConfiguration<String, String> fromManager = resolve(defaults(manager, system, env),
        StrataConfiguration.builder(String.class, String.class));
    assertThat(fromManager.getRedis().getUri()).isEqualTo("redis://manager");
    assertThat(fromManager.getCodec().getCompressionLevel()).isEqualTo(9);
    assertThat(fromManager.getCodec().getCompressionThreshold()).isEqualTo(64);
    assertThat(resolve(defaults(null, system, env), StrataConfiguration.builder(String.class, String.class))
        .getRedis().getUri()).isEqualTo("redis://system");
    assertThat(resolve(defaults(manager, system, env), StrataConfiguration.builder(String.class, String.class)
        .compressionLevel(1)).getCodec().getCompressionLevel()).isEqualTo(1);
  }

  @Test
  void memoryStoreTypeWinsOverAnyRedisDefault() {
    StrataConfiguration<String, String> resolved = resolve(defaults(null, Map.of(), Map.of("REDIS_URL",
        "redis://env")), StrataConfiguration.builder(String.class, String.class).storeType(StoreType.MEMORY));
    assertThat(resolved.getStoreType()).isEqualTo(StoreType.MEMORY);
  }

  @Test
  void mistakesNameTheSettingAndTheValue() {
    assertThatThrownBy(() -> resolve(defaults(null, Map.of(), Map.of("CACHE_COMPRESSION_LEVEL", "high")),
        StrataConfiguration.builder(String.class, String.class)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CACHE_COMPRESSION_LEVEL")
        .hasMessageContaining("high");
    assertThatThrownBy(() -> resolve(defaults(null, Map.of(), Map.of()),
        StrataConfiguration.builder(String.class, String.class).storeType(StoreType.REDIS)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("REDIS_URL");
  }

  @Test
  void allowedPackagesFromEveryLevelAreCombined() {
    Properties manager = new Properties();
    manager.setProperty(Setting.ALLOWED_PACKAGES.property(), "com.acme, com.shop");
    StrataConfiguration<String, String> resolved = resolve(defaults(manager,
        Map.of(Setting.ALLOWED_PACKAGES.property(), "org.partner"), Map.of()),
        StrataConfiguration.builder(String.class, String.class)
            .serialization(SerializationSettings.none().allowPackage("com.mine")));
    assertThat(resolved.getSerialization().allowedPackages())
        .containsExactlyInAnyOrder("com.mine", "com.acme", "com.shop", "org.partner");
  }
}
