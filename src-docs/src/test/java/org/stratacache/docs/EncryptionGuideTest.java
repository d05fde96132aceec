package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/** The samples of the guide's encryption section, run against a real Redis. */
class EncryptionGuideTest {

  @Test
  void encryptionInCode() throws Exception {
    KeyGenerator generator = KeyGenerator.getInstance("AES");
    generator.init(256);
    byte[] oldKey = generator.generateKey().getEncoded();
    byte[] newKey = generator.generateKey().getEncoded();
    String redisUri = RedisServer.sharedUri();
    try (CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("guide:encryption"),
        getClass().getClassLoader(), new Properties())) {
      // tag::encryption[]
      Cache<String, String> tokens = manager.createCache("tokens",
          StrataConfiguration.builder(String.class, String.class)
              .storeType(StoreType.REDIS)
              .redisUri(redisUri)
              .encryption(EncryptionSettings.keys(Map.of(1, oldKey, 2, newKey))   // 32-byte keys by id
                  .current(2)                                                   // new values use key 2
                  .require(true))                                               // refuse unencrypted values
              .build());
      // end::encryption[]
      tokens.put("t", "secret");
      assertThat(tokens.get("t")).isEqualTo("secret");
      tokens.clear();
    }
  }
}
