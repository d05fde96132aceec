package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/** Encrypted values on a real Redis: what lands there, key rotation across managers, refusals. */
@ExpectedWarnings("reads values under keys it does not hold")
class EncryptedRedisCacheIT {

  private static final byte[] KEY_1 = key(1);
  private static final byte[] KEY_2 = key(2);
  private static final String SECRET = "card 4111-1111-1111-1111, holder Ada Lovelace";
  private static RawRedis raw;

  private final String prefix = RedisTesting.uniquePrefix();

  private static byte[] key(int seed) {
    byte[] key = new byte[EncryptionSettings.KEY_BYTES];
    new Random(seed).nextBytes(key);
    return key;
  }

  @BeforeAll
  static void connectRaw() {
    raw = RawRedis.shared();
  }

  @AfterAll
  static void disconnectRaw() {
    raw.close();
  }

  /** A manager whose caches get their keys from its properties, as from CACHE_ENCRYPTION_* variables. */
  private CacheManager manager(String name, String keys, String current, boolean require) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), RedisServer.sharedUri());
    properties.setProperty(Setting.KEY_PREFIX.property(), prefix);
    if (keys != null) {
      properties.setProperty(Setting.ENCRYPTION_KEYS.property(), keys);
    }
    if (current != null) {
      properties.setProperty(Setting.ENCRYPTION_CURRENT_KEY.property(), current);
    }
    properties.setProperty(Setting.ENCRYPTION_REQUIRE.property(), String.valueOf(require));
    return Caching.getCachingProvider().getCacheManager(URI.create("test:" + name + "-" + prefix),
        getClass().getClassLoader(), properties);
  }

  private static Cache<String, String> cache(CacheManager manager) {
    return manager.createCache("secrets", StrataConfiguration.builder(String.class, String.class).build());
  }

  private byte[] stored(String key) {
    return raw.sync().get((prefix + ":secrets:" + key).getBytes(StandardCharsets.UTF_8));
  }

  private static String ring(int... ids) {
    StringBuilder text = new StringBuilder();
    for (int id : ids) {
      text.append(text.length() == 0 ? "" : ",").append(id).append(':')
          .append(Base64.getEncoder().encodeToString(id == 1 ? KEY_1 : KEY_2));
    }
    return text.toString();
  }

  @Test
  void valuesWrittenWithKey1StillReadAfterRotationAndNewOnesUseKey2() {
    String large = (SECRET + " ").repeat(100);
    try (CacheManager before = manager("before", ring(1), null, false)) {
      Cache<String, String> cache = cache(before);
      cache.put("small", SECRET);
      cache.put("large", large);
      assertThat(cache.get("small")).isEqualTo(SECRET);
    }
    assertThat(keyId(stored("small"))).isEqualTo(1);
    assertThat(stored("large")[1]).as("compressed, then encrypted").isEqualTo((byte) 3);

    try (CacheManager after = manager("after", ring(1, 2), "2", true)) {
      Cache<String, String> cache = cache(after);
      assertThat(cache.get("small")).isEqualTo(SECRET);
      assertThat(cache.get("large")).isEqualTo(large);
      assertThat(cache.getAll(Set.of("small", "large"))).containsOnlyKeys("small", "large");
      cache.put("new", SECRET);
      Integer length = cache.invoke("small", (entry, args) -> entry.getValue().length());
      assertThat(length).isEqualTo(SECRET.length());
      cache.replace("small", SECRET + "!");
    }
    assertThat(keyId(stored("new"))).isEqualTo(2);
    assertThat(keyId(stored("small"))).as("rewritten with the current key").isEqualTo(2);
    assertThat(keyId(stored("large"))).as("untouched until rewritten").isEqualTo(1);

    try (CacheManager stale = manager("stale", ring(1), null, false)) {
      Throwable refused = catchThrowable(() -> cache(stale).get("new"));
      assertThat(refused).as("an instance without key 2").isInstanceOf(CodecException.class)
          .hasMessageContaining("key id 2");
      assertNoKeyMaterial(refused);
    }
  }

  @Test
  void redisHoldsNoneOfThePlaintext() {
    try (CacheManager manager = manager("raw", ring(1, 2), "2", false)) {
      Cache<String, String> cache = cache(manager);
      cache.put("small", SECRET);
      cache.put("large", (SECRET + " ").repeat(100));
      for (String key : List.of("small", "large")) {
        byte[] bytes = stored(key);
        String asText = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String fragment : List.of("4111", "Ada", "Lovelace", "card", "holder")) {
          assertThat(asText).as(key).doesNotContain(fragment);
        }
        assertThat(HexFormat.of().formatHex(bytes)).doesNotContain(HexFormat.of().formatHex(KEY_2));
      }
    }
    try (CacheManager plain = manager("plain", null, null, false)) {
      Cache<String, String> cache = plain.createCache("secrets-plain", StrataConfiguration.builder(String.class,
          String.class).build());
      cache.put("small", SECRET);
      assertThat(new String(raw.sync().get((prefix + ":secrets-plain:small").getBytes(StandardCharsets.UTF_8)),
          StandardCharsets.ISO_8859_1)).as("the check above can fail: without keys the text is there")
          .contains("Ada Lovelace");
    }
  }

  @Test
  void requiredEncryptionRefusesPlaintextWrittenByAnotherClient() {
    try (CacheManager plain = manager("unencrypted", null, null, false)) {
      cache(plain).put("k", SECRET);
    }
    try (CacheManager strict = manager("strict", ring(1), null, true)) {
      Cache<String, String> cache = cache(strict);
      assertThatThrownBy(() -> cache.get("k")).isInstanceOf(CodecException.class)
          .hasMessageContaining("not encrypted").hasMessageContaining("encryption.require");
    }
    try (CacheManager lenient = manager("miss", ring(1), null, true)) {
      Cache<String, String> cache = lenient.createCache("secrets", StrataConfiguration.builder(String.class,
          String.class).corruptValuePolicy(CorruptValuePolicy.MISS).build());
      assertThat(cache.get("k")).as("the miss policy applies to refused plaintext").isNull();
    }
  }

  @Test
  void badKeysFailCreateCacheNamingTheSettingWithoutShowingKeys() {
    byte[] shortKey = Arrays.copyOf(KEY_1, 24);
    try (CacheManager manager = manager("bad", "1:" + Base64.getEncoder().encodeToString(shortKey), null, false)) {
      Throwable refused = catchThrowable(() -> cache(manager));
      assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("encryption.keys[1]")
          .hasMessageContaining("must be 32 bytes");
      assertThat(refused.getMessage()).doesNotContain(Base64.getEncoder().encodeToString(shortKey));
      assertNoKeyMaterial(refused);
      Throwable notInRing = catchThrowable(() -> manager.createCache("other", StrataConfiguration.builder(
          String.class, String.class).storeType(StoreType.REDIS)
          .encryption(EncryptionSettings.keys(Map.of(1, KEY_1, 2, KEY_2)).current(4)).build()));
      assertThat(notInRing).hasMessageContaining("encryption.currentKey");
      assertNoKeyMaterial(notInRing);
    }
  }

  private static void assertNoKeyMaterial(Throwable thrown) {
    assertThat(thrown).isNotNull();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      for (byte[] key : new byte[][] {KEY_1, KEY_2}) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(Base64.getEncoder().encodeToString(key))
            .doesNotContain(HexFormat.of().formatHex(key)).doesNotContain(Arrays.toString(key));
      }
    }
  }

  private static int keyId(byte[] stored) {
    assertThat(stored[1] & 2).as("encrypted flag").isEqualTo(2);
    return (stored[2] & 0xff) << 8 | (stored[3] & 0xff);
  }
}
