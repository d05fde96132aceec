package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.codec.ValueSerializer;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/** The samples of the guide's section on an application's own serializer, run against a real Redis. */
class PluggedSerializerGuideTest {

  // tag::serializer-class[]
  /** Text values as UTF-8: public, with a public no-argument constructor, thread-safe. */
  public static class Utf8Text implements ValueSerializer {

    @Override
    public String formatName() {
      return "utf8-text/1";                // stored with every value; change it when the format changes
    }

    @Override
    public byte[] serialize(Object value) {
      if (!(value instanceof String text)) {
        throw new CodecException("Utf8Text stores strings, not " + value.getClass().getName());
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Object deserialize(byte[] bytes, int offset, int length) {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
  }
  // end::serializer-class[]

  @Test
  void anApplicationsSerializer() {
    Properties properties = new Properties();
    properties.setProperty("strata.redis-uri", RedisServer.sharedUri());
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("guide:serializer"),
        getClass().getClassLoader(), properties)) {
      // tag::serializer[]
      Cache<String, String> notes = manager.createCache("notes",   // on Redis, whose URI the manager has
          StrataConfiguration.builder(String.class, String.class)
              .serializer(Utf8Text.class)          // one instance per cache, made with its no-argument constructor
              .build());
      notes.put("n-1", "grüße");
      // end::serializer[]
      assertThat(notes.get("n-1")).isEqualTo("grüße");
      notes.clear();
    }
    try (CacheManager fromFile = Caching.getCachingProvider().getCacheManager(URI.create("classpath:strata-guide.yaml"),
        getClass().getClassLoader())) {
      assertThat(fromFile.getCache("notes").getConfiguration(StrataConfiguration.class).getSerialization()
          .serializer()).as("serialization.serializer in the file").isEqualTo(Utf8Text.class);
    }
  }
}
