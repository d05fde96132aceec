package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ConfigurationValidator;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** Encryption settings: from code, properties and the environment; checked at createCache; never shown. */
class EncryptionSettingsTest {

  private static final byte[] KEY_1 = key(1);
  private static final byte[] KEY_2 = key(2);
  private static final String TEXT = "1:" + base64(KEY_1) + ", 2:" + base64(KEY_2);

  private static byte[] key(int seed) {
    byte[] key = new byte[EncryptionSettings.KEY_BYTES];
    Arrays.fill(key, (byte) (seed * 17));
    key[0] = (byte) seed;
    return key;
  }

  private static String base64(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }

  private static StrataConfiguration<String, String> resolve(Map<String, String> env,
                                                            StrataConfiguration.Builder<String, String> given) {
    return ManagerDefaults.of(null, name -> null, env::get).resolve(given.build());
  }

  private static StrataConfiguration.Builder<String, String> redis() {
    return StrataConfiguration.builder(String.class, String.class).storeType(StoreType.REDIS).redisUri("redis://h");
  }

  private static void assertNoKeyMaterial(Throwable thrown) {
    assertThat(thrown).isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      for (byte[] key : new byte[][] {KEY_1, KEY_2}) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(base64(key)).doesNotContain(Arrays.toString(key))
            .doesNotContain(base64(key).substring(0, 12));
      }
    }
  }

  @Test
  void theEnvironmentGivesRedisCachesAKeyRingAndCurrentKey() {
    StrataConfiguration<String, String> resolved = resolve(Map.of("CACHE_ENCRYPTION_KEYS", TEXT,
        "CACHE_ENCRYPTION_CURRENT_KEY", "2", "CACHE_ENCRYPTION_REQUIRE", "true"), redis());
    EncryptionSettings encryption = resolved.getEncryption();
    assertThat(encryption.keys()).containsOnlyKeys(1, 2);
    assertThat(encryption.keys().get(2)).isEqualTo(KEY_2);
    assertThat(encryption.currentKey()).isEqualTo(2);
    assertThat(encryption.isRequired()).isTrue();
    ConfigurationValidator.validate("c", resolved);
    assertThat(resolved.toString()).contains("keyIds=[1, 2]").doesNotContain(base64(KEY_1));
  }

  @Test
  void aSingleKeyIsCurrentWithoutSayingSo() {
    StrataConfiguration<String, String> resolved = resolve(Map.of("CACHE_ENCRYPTION_KEYS", "5:" + base64(KEY_1)),
        redis());
    assertThat(resolved.getEncryption().currentKey()).isEqualTo(5);
    assertThat(resolved.getEncryption().isRequired()).isFalse();
    ConfigurationValidator.validate("c", resolved);
  }

  @Test
  void requireFalseWithoutKeysIsNoEncryptionButRequireTrueWithoutKeysIsAnError() {
    assertThat(resolve(Map.of("CACHE_ENCRYPTION_REQUIRE", "false"), redis()).getEncryption()).isNull();
    assertThatThrownBy(() -> ConfigurationValidator.validate("c",
        resolve(Map.of("CACHE_ENCRYPTION_REQUIRE", "true"), redis())))
        .hasMessageContaining("encryption.keys").hasMessageContaining("at least one key");
  }

  @Test
  void aCacheThatSetsEncryptionItselfTakesNoneOfTheManagersSettings() {
    StrataConfiguration<String, String> resolved = resolve(Map.of("CACHE_ENCRYPTION_KEYS", TEXT,
        "CACHE_ENCRYPTION_CURRENT_KEY", "2"), redis().encryption(EncryptionSettings.keys(Map.of(9, KEY_1))));
    assertThat(resolved.getEncryption().keys()).containsOnlyKeys(9);
    assertThat(resolved.getEncryption().currentKey()).isEqualTo(9);
  }

  @Test
  void malformedKeyTextIsRefusedNamingTheVariableButNotTheValue() {
    for (String bad : new String[] {"1=" + base64(KEY_1), "x:" + base64(KEY_1), "70000:" + base64(KEY_1),
        "1:" + base64(KEY_1) + "%", "1:" + base64(KEY_1) + ",1:" + base64(KEY_2)}) {
      Throwable refused = catchThrowable(() -> resolve(Map.of("CACHE_ENCRYPTION_KEYS", bad), redis()));
      assertThat(refused).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("CACHE_ENCRYPTION_KEYS").hasMessageContaining("not shown");
      assertNoKeyMaterial(refused);
    }
    assertThatThrownBy(() -> resolve(Map.of("CACHE_ENCRYPTION_KEYS", TEXT, "CACHE_ENCRYPTION_CURRENT_KEY", "two"),
        redis())).hasMessageContaining("CACHE_ENCRYPTION_CURRENT_KEY").hasMessageContaining("a key id");
  }

  @Test
  void badKeysFailValidationNamingTheFieldWithoutShowingTheKeys() {
    byte[] short16 = Arrays.copyOf(KEY_1, 16);
    Throwable length = catchThrowable(() -> ConfigurationValidator.validate("orders",
        redis().encryption(EncryptionSettings.keys(Map.of(1, short16, 2, KEY_2)).current(2)).build()));
    assertThat(length).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'orders'")
        .hasMessageContaining("encryption.keys[1]").hasMessageContaining("must be 32 bytes")
        .hasMessageContaining("(not shown)");
    assertNoKeyMaterial(length);
    assertThat(length.getMessage()).doesNotContain(Arrays.toString(short16)).doesNotContain(base64(short16));

    Throwable current = catchThrowable(() -> ConfigurationValidator.validate("orders",
        redis().encryption(EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2)).current(3)).build()));
    assertThat(current).hasMessageContaining("encryption.currentKey").hasMessageContaining("must name a key");
    assertNoKeyMaterial(current);
    assertThatThrownBy(() -> ConfigurationValidator.validate("orders",
        redis().encryption(EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2))).build()))
        .as("two keys and no current one").hasMessageContaining("encryption.currentKey");
    assertThatThrownBy(() -> ConfigurationValidator.validate("orders",
        redis().encryption(EncryptionSettings.none().require(true)).build()))
        .as("required, but no keys").hasMessageContaining("encryption.keys").hasMessageContaining("at least one key");
    assertThatThrownBy(() -> ConfigurationValidator.validate("orders",
        redis().encryption(EncryptionSettings.keys(Map.of(-1, KEY_1))).build()))
        .hasMessageContaining("encryption.keys<K>[-1]");
  }

  @Test
  void createCacheRefusesEncryptionOnAnExplicitMemoryCacheButManagerKeysLeaveMemoryCachesAlone() {
    Properties properties = new Properties();
    properties.setProperty(Setting.ENCRYPTION_KEYS.property(), TEXT);
    properties.setProperty(Setting.ENCRYPTION_CURRENT_KEY.property(), "1");
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:encryption-memory"),
        getClass().getClassLoader(), properties)) {
      Cache<String, String> plain = manager.createCache("plain", StrataConfiguration.builder(String.class,
          String.class).build());
      plain.put("k", "v");
      assertThat(plain.get("k")).isEqualTo("v");
      assertThat(plain.getConfiguration(StrataConfiguration.class).getEncryption()).isNull();
      Throwable refused = catchThrowable(() -> manager.createCache("memory", StrataConfiguration.builder(String.class,
          String.class).storeType(StoreType.MEMORY).encryption(EncryptionSettings.keys(Map.of(1, KEY_1))).build()));
      assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'memory'")
          .hasMessageContaining("encryption is set on a cache whose store is memory");
      assertNoKeyMaterial(refused);
    }
  }

  @Test
  void aConfigurationFileTakesTheRingAsTextOrAsAMap(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("strata.yaml");
    Files.writeString(file, String.join("\n",
        "encryption:",
        "  keys: \"" + TEXT + "\"",
        "  current-key: 2",
        "caches:",
        "  tokens:",
        "    store: redis",
        "    encryption:",
        "      keys:",
        "        7: \"" + base64(KEY_2) + "\"",
        "      require: true",
        ""));
    ConfigurationFile parsed = ConfigurationFile.load(URI.create(file.toString()), getClass().getClassLoader());
    assertThat(parsed.defaults()).containsKeys(Setting.ENCRYPTION_KEYS, Setting.ENCRYPTION_CURRENT_KEY);
    EncryptionSettings tokens = parsed.caches().get("tokens").getEncryption();
    assertThat(tokens.keys()).containsOnlyKeys(7);
    assertThat(tokens.keys().get(7)).isEqualTo(KEY_2);
    assertThat(tokens.currentKey()).isEqualTo(7);
    assertThat(tokens.isRequired()).isTrue();
  }

  @Test
  void settingsAreValuesAndCopyTheirKeys() {
    byte[] key = KEY_1.clone();
    EncryptionSettings settings = EncryptionSettings.keys(Map.of(1, key));
    key[0] ^= 1;
    assertThat(settings.keys().get(1)).isEqualTo(KEY_1);
    settings.keys().get(1)[0] ^= 1;
    assertThat(settings.keys().get(1)).isEqualTo(KEY_1);
    assertThat(settings).isEqualTo(EncryptionSettings.keys(Map.of(1, KEY_1.clone())))
        .hasSameHashCodeAs(EncryptionSettings.keys(Map.of(1, KEY_1.clone())))
        .isNotEqualTo(EncryptionSettings.keys(Map.of(1, KEY_2)));
    assertThat(Setting.ENCRYPTION_KEYS.isSecret()).isTrue();
    assertThat(Setting.REDIS_URI.isSecret()).isFalse();
  }
}
