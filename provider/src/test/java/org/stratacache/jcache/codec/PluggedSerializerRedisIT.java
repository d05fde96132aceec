package org.stratacache.jcache.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.CorruptValuePolicy;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.jcache.internal.store.redis.RedisTesting;
import org.stratacache.jcache.testing.ExpectedWarnings;
import org.stratacache.testing.redis.RedisServer;

/**
 * An application's serializer on a real Redis: its values round-trip with the name of its format
 * stored, and a value of another format (Kryo, or another serializer) is refused by the corrupt-value
 * policy before the serializer sees it.
 */
@ExpectedWarnings("reads values written in another format, with the miss policy")
class PluggedSerializerRedisIT {

  private final String prefix = RedisTesting.uniquePrefix();

  private CacheManager manager(String name) {
    Properties properties = new Properties();
    properties.setProperty(Setting.REDIS_URI.property(), RedisServer.sharedUri());
    properties.setProperty(Setting.KEY_PREFIX.property(), prefix);
    return Caching.getCachingProvider().getCacheManager(URI.create(name + "-" + prefix), getClass().getClassLoader(),
        properties);
  }

  private static StrataConfiguration<String, String> plugged(Class<? extends ValueSerializer> type,
                                                             CorruptValuePolicy policy) {
    return StrataConfiguration.builder(String.class, String.class).serializer(type).corruptValuePolicy(policy).build();
  }

  private byte[] stored(String cache, String key) {
    RedisClient client = RedisClient.create();
    try (StatefulRedisConnection<byte[], byte[]> raw = RedisTesting.rawConnection(client)) {
      return raw.sync().get((prefix + ":" + cache + ":" + key).getBytes(StandardCharsets.UTF_8));
    } finally {
      client.shutdown();
    }
  }

  @Test
  void valuesRoundTripThroughRedisWithTheNameOfTheirFormat() {
    try (CacheManager manager = manager("plugged")) {
      Cache<String, String> cache = manager.createCache("texts", plugged(LatinText.class, CorruptValuePolicy.FAIL));
      cache.put("short", "café");
      String large = "a long text ".repeat(1_000);
      cache.put("large", large);
      assertThat(cache.get("short")).isEqualTo("café");
      assertThat(cache.get("large")).as("compressed, then read back").isEqualTo(large);

      byte[] bytes = stored("texts", "short");
      byte[] name = "latin-text/1".getBytes(StandardCharsets.US_ASCII);
      assertThat(bytes[0]).as("format version").isEqualTo((byte) 1);
      assertThat(bytes[1]).as("flags: the name of an application's format").isEqualTo((byte) 4);
      assertThat(bytes[2]).isEqualTo((byte) name.length);
      assertThat(Arrays.copyOfRange(bytes, 3, 3 + name.length)).isEqualTo(name);
      assertThat(Arrays.copyOfRange(bytes, 3 + name.length, bytes.length))
          .isEqualTo("café".getBytes(StandardCharsets.ISO_8859_1));
      assertThat(stored("texts", "large")[1]).as("compressed, over the name").isEqualTo((byte) (4 | 1));
    }
  }

  @Test
  void aValueWrittenByKryoIsRefusedByTheCorruptValuePolicyNotHandedToTheSerializer() {
    try (CacheManager kryo = manager("kryo"); CacheManager strict = manager("strict");
         CacheManager lenient = manager("lenient")) {
      Cache<String, String> written = kryo.createCache("shared", StrataConfiguration.builder(String.class,
          String.class).build());
      written.put("k", "written by Kryo");

      Cache<String, String> failing = strict.createCache("shared", plugged(LatinText.class, CorruptValuePolicy.FAIL));
      Throwable refused = catchThrowable(() -> failing.get("k"));
      assertThat(refused).isInstanceOf(CodecException.class).isNotInstanceOf(ClassCastException.class)
          .hasMessageContaining("written in a built-in format").hasMessageContaining("latin-text/1");

      Cache<String, String> missing = lenient.createCache("shared", plugged(LatinText.class, CorruptValuePolicy.MISS));
      assertThat(missing.get("k")).as("the miss policy: a miss, not Kryo's bytes read as text").isNull();

      missing.put("mine", "plugged");
      assertThat(catchThrowable(() -> written.get("mine"))).as("and Kryo refuses the application's format")
          .isInstanceOf(CodecException.class).hasMessageContaining("serialization.serializer");
    }
  }

  @Test
  void aValueOfAnotherApplicationFormatIsRefusedNamingBoth() {
    try (CacheManager first = manager("first"); CacheManager second = manager("second")) {
      first.createCache("shared", plugged(LatinText.class, CorruptValuePolicy.FAIL)).put("k", "v");
      Cache<String, String> other = second.createCache("shared",
          plugged(LatinText.Other.class, CorruptValuePolicy.FAIL));
      assertThat(catchThrowable(() -> other.get("k"))).isInstanceOf(CodecException.class)
          .hasMessageContaining("'latin-text/1'").hasMessageContaining("'other-text'");
    }
  }

  @Test
  void whatTheSerializerThrowsIsACodecExceptionOfThePut() {
    try (CacheManager manager = manager("throws")) {
      Cache<Object, Object> cache = manager.createCache("objects", StrataConfiguration.builder(Object.class,
          Object.class).serializer(LatinText.class).build());
      assertThat(catchThrowable(() -> cache.put("k", 42))).isInstanceOf(CodecException.class)
          .hasMessageContaining("LatinText could not write a value of java.lang.Integer");
    }
  }
}
