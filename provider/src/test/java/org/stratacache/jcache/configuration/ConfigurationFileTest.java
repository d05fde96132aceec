package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.internal.config.ManagerDefaults;

/** A cache manager URI naming a YAML or properties file declares caches and defaults. */
class ConfigurationFileTest {

  private final CachingProvider provider = Caching.getCachingProvider();

  private CacheManager manager(String uri) {
    return provider.getCacheManager(URI.create(uri), getClass().getClassLoader());
  }

  @Test
  void yamlAndPropertiesDeclareTheSameCaches() {
    for (String uri : new String[] {"classpath:config/declared.yaml", "classpath:config/declared.properties"}) {
      CacheManager manager = manager(uri);
      try {
        assertThat(manager.getCacheNames()).as(uri).containsExactlyInAnyOrder("orders", "com.example.Author");
        Cache<String, String> orders = manager.getCache("orders", String.class, String.class);
        StrataConfiguration<?, ?> configuration = orders.getConfiguration(StrataConfiguration.class);
        assertThat(configuration.getMemory().getMaximumSize()).isEqualTo(500);
        assertThat(configuration.isStatisticsEnabled()).isTrue();
        assertThat(configuration.getDefaultTtl()).as("a file default").isEqualTo(Duration.ofMinutes(10));
        assertThat(configuration.getCodec().getCompressionLevel()).isEqualTo(3);
        assertThat(configuration.getSerialization().allowedPackages()).contains("com.example.domain");
        assertThat(configuration.getSerialization().allowedClasses()).as("top-level classes, as Hibernate needs")
            .contains("java.io.Serializable");
        assertThat(configuration.getExpiryPolicyFactory().create()).isInstanceOf(CreatedExpiryPolicy.class);
        assertThat(configuration.getExpiryPolicyFactory().create().getExpiryForCreation().getDurationAmount())
            .isEqualTo(Duration.ofMinutes(10).toMillis());
        StrataConfiguration<?, ?> author = manager.getCache("com.example.Author")
            .getConfiguration(StrataConfiguration.class);
        assertThat(author.getDefaultTtl()).as("a cache's own setting beats the file default").isEqualTo(Duration.ofHours(1));
      } finally {
        manager.close();
      }
    }
  }

  @Test
  void fileDefaultsFillCachesCreatedInCodeButCodeWins() {
    CacheManager manager = manager("classpath:config/declared.yaml");
    try {
      Cache<String, String> plain = manager.createCache("from-code", new MutableConfiguration<>());
      assertThat(plain.getConfiguration(StrataConfiguration.class).getDefaultTtl()).isEqualTo(Duration.ofMinutes(10));
      Cache<String, String> own = manager.createCache("own-ttl", StrataConfiguration.builder(String.class, String.class)
          .defaultTtl(Duration.ofSeconds(30)).compressionLevel(9).build());
      StrataConfiguration<?, ?> configuration = own.getConfiguration(StrataConfiguration.class);
      assertThat(configuration.getDefaultTtl()).isEqualTo(Duration.ofSeconds(30));
      assertThat(configuration.getCodec().getCompressionLevel()).isEqualTo(9);
    } finally {
      manager.close();
    }
  }

  @Test
  void precedenceIsCodeThenPropertiesThenFileThenSystemThenEnvironment() {
    Properties properties = new Properties();
    properties.setProperty(Setting.DEFAULT_TTL.property(), "20m");
    properties.setProperty(Setting.COMPRESSION_LEVEL.property(), "4");
    Map<String, String> system = Map.of(Setting.COMPRESSION_LEVEL.property(), "5",
        Setting.COMPRESSION_THRESHOLD.property(), "256", Setting.MAXIMUM_SIZE.property(), "77");
    Map<String, String> env = Map.of("CACHE_COMPRESSION_THRESHOLD", "128", "CACHE_DEFAULT_TTL", "3600",
        "CACHE_COMPRESSION_LEVEL", "8");
    ManagerDefaults defaults = ManagerDefaults.of(properties, system::get, env::get)
        .withFile("file test.yaml", Map.of(Setting.DEFAULT_TTL, Duration.ofMinutes(10), Setting.COMPRESSION_LEVEL, 9,
            Setting.COMPRESSION_THRESHOLD, 512), getClass().getClassLoader());
    StrataConfiguration<String, String> resolved = defaults.resolve(StrataConfiguration.builder(String.class,
        String.class).build());
    assertThat(resolved.getDefaultTtl()).as("properties over the file").isEqualTo(Duration.ofMinutes(20));
    assertThat(resolved.getCodec().getCompressionLevel()).as("properties over file, system and environment").isEqualTo(4);
    assertThat(resolved.getCodec().getCompressionThreshold()).as("file over system and environment").isEqualTo(512);
    assertThat(ManagerDefaults.of(null, system::get, env::get).resolve(StrataConfiguration.builder(String.class,
        String.class).build()).getCodec().getCompressionThreshold()).as("system over environment").isEqualTo(256);
    assertThat(resolved.getMemory().getMaximumSize()).isEqualTo(77);
    StrataConfiguration<String, String> fromEnvironmentOnly = ManagerDefaults.of(null, name -> null, env::get)
        .resolve(StrataConfiguration.builder(String.class, String.class).build());
    assertThat(fromEnvironmentOnly.getDefaultTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(fromEnvironmentOnly.getCodec().getCompressionThreshold()).isEqualTo(128);
    StrataConfiguration<String, String> code = defaults.resolve(StrataConfiguration.builder(String.class,
        String.class).compressionLevel(2).expiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
        javax.cache.expiry.Duration.ONE_DAY)).build());
    assertThat(code.getCodec().getCompressionLevel()).isEqualTo(2);
    assertThat(code.getExpiryPolicyFactory().create().getExpiryForCreation())
        .as("an explicit expiry policy is kept; the default TTL only replaces the eternal default")
        .isEqualTo(javax.cache.expiry.Duration.ONE_DAY);
  }

  @Test
  void mistakesFailWithOneMessageNamingFileKeyValueAndWhatIsAllowed() {
    assertThatThrownBy(() -> manager("classpath:config/bad-level.yaml"))
        .hasMessageContaining("classpath:config/bad-level.yaml").hasMessageContaining("caches.orders.compression-level")
        .hasMessageContaining("30").hasMessageContaining("from 1 to 22");
    assertThatThrownBy(() -> manager("classpath:config/bad-ttl.properties"))
        .hasMessageContaining("bad-ttl.properties").hasMessageContaining("default-ttl").hasMessageContaining("-5s")
        .hasMessageContaining("positive duration");
    assertThatThrownBy(() -> manager("classpath:config/bad-uri.yaml"))
        .hasMessageContaining("bad-uri.yaml").hasMessageContaining("redis-uri").hasMessageContaining("Redis URI")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> manager("classpath:config/unknown-key.yaml"))
        .hasMessageContaining("unknown key caches.orders.maximum-sizes").hasMessageContaining("maximum-size");
    assertThatThrownBy(() -> manager("classpath:config/missing.yaml")).hasMessageContaining("not on the class path");
  }

  @Test
  void aCacheSectionChoosesItsSerializationFormat(@TempDir Path directory) throws Exception {
    Path file = Files.writeString(directory.resolve("json.yaml"), "caches:\n  orders:\n    serialization:\n"
        + "      format: json\n  sessions:\n    maximum-size: 10\n");
    CacheManager manager = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
    try {
      assertThat(manager.getCache("orders").getConfiguration(StrataConfiguration.class).getSerialization().format())
          .isEqualTo(SerializationFormat.JSON);
      assertThat(manager.getCache("sessions").getConfiguration(StrataConfiguration.class).getSerialization()
          .format()).as("the default").isEqualTo(SerializationFormat.KRYO);
    } finally {
      manager.close();
    }
    Path bad = Files.writeString(directory.resolve("xml.yaml"), "caches:\n  orders:\n    serialization:\n"
        + "      format: xml\n");
    assertThatThrownBy(() -> provider.getCacheManager(bad.toUri(), getClass().getClassLoader()))
        .hasMessageContaining("caches.orders.serialization.format").hasMessageContaining("xml")
        .hasMessageContaining("kryo or json");
  }

  @Test
  void fileAndJarUrisAsSpringAndHibernateHandThemOver(@TempDir Path directory) throws Exception {
    String yaml = "caches:\n  sessions:\n    default-ttl: 15m\n";
    Path file = Files.writeString(directory.resolve("strata.yaml"), yaml);
    CacheManager fromFile = provider.getCacheManager(file.toUri(), getClass().getClassLoader());
    assertThat(fromFile.getCacheNames()).containsExactly("sessions");
    fromFile.close();
    Path jar = directory.resolve("app.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out)) {
      entries.putNextEntry(new JarEntry("config/strata.yaml"));
      entries.write(yaml.getBytes(StandardCharsets.UTF_8));
      entries.closeEntry();
    }
    URI inJar = URI.create("jar:" + jar.toUri() + "!/config/strata.yaml");
    CacheManager fromJar = provider.getCacheManager(inJar, getClass().getClassLoader());
    assertThat(fromJar.getCacheNames()).containsExactly("sessions");
    fromJar.close();
  }
}
