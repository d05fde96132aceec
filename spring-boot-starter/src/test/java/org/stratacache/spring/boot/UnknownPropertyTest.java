package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.cache.CacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.spring.boot.app.GreetingApplication;

/** A strata.* key the provider does not know stops the start and is named; known keys bind relaxed. */
class UnknownPropertyTest {

  /** The test application without a web server, with {@code greetings} declared and {@code properties} set. */
  static SpringApplicationBuilder app(String... properties) {
    return new SpringApplicationBuilder(GreetingApplication.class).web(WebApplicationType.NONE)
        .properties("spring.cache.cache-names=greetings", "spring.main.banner-mode=off")
        .properties(properties);
  }

  @Test
  void aMistypedKeyFailsTheStartNamingIt() {
    assertThatThrownBy(() -> app("spring.application.name=unknown-1", "strata.redis-url=redis://127.0.0.1:1").run())
        .rootCause().hasMessageContaining("strata.redis-url").hasMessageContaining("strata.redis-uri");
  }

  @Test
  void aPerCacheSettingFailsAtTheManagerLevelSayingWhereItGoes() {
    assertThatThrownBy(() -> app("spring.application.name=unknown-2", "strata.key-type=java.lang.String").run())
        .rootCause().hasMessageContaining("strata.key-type").hasMessageContaining("strata.caches.<cache-name>.key-type")
        .hasMessageContaining("spring.cache.jcache.config");
    assertThatThrownBy(() -> app("spring.application.name=unknown-3", "strata.caches.orders=1").run())
        .rootCause().hasMessageContaining("strata.caches.orders").hasMessageContaining("maximum-size");
  }

  @Test
  void aMalformedValueFailsTheStartNamingTheProperty() {
    assertThatThrownBy(() -> app("spring.application.name=bad-value", "strata.compression-level=99").run())
        .hasStackTraceContaining("cache manager property strata.compression-level = '99' is not allowed");
  }

  @Test
  void relaxedFormsAndListsReachTheManager() {
    try (ConfigurableApplicationContext context = app("spring.application.name=relaxed",
        "strata.keyPrefix=relaxed-prefix", "strata.compression_level=9",
        "strata.serialization.allowed-packages[0]=com.example.one",
        "strata.serialization.allowed-packages[1]=com.example.two", "strata.threads.listeners=3").run()) {
      CacheManager manager = context.getBean(CacheManager.class);
      assertThat(manager.getProperties()).containsEntry("strata.key-prefix", "relaxed-prefix")
          .containsEntry("strata.compression-level", "9")
          .containsEntry("strata.serialization.allowed-packages", "com.example.one,com.example.two")
          .containsEntry("strata.threads.listeners", "3");
      var configuration = manager.getCache("greetings")
          .getConfiguration(StrataConfiguration.class);
      assertThat(configuration.getRedis().getKeyPrefix()).isEqualTo("relaxed-prefix");
      assertThat(configuration.getCodec().getCompressionLevel()).isEqualTo(9);
    }
  }
}
