package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.configuration.OptionalFeature;
import javax.cache.spi.CachingProvider;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.StrataCache;
import org.stratacache.jcache.internal.Messages;
import org.stratacache.jcache.internal.config.ConfigurationFile;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.jcache.internal.store.redis.RedisEndpoint;
import org.stratacache.jcache.testing.ExpectedWarnings;

/**
 * Redis URIs whose password holds what generated passwords hold ({@code /}, {@code %}, a space,
 * {@code @}, {@code :}, {@code #}, {@code ?}), in every form a URI takes: no fragment of the
 * password (3 characters or more) appears in any exception message of the chain, log line, MBean
 * attribute or {@code toString}.
 */
@ExpectedWarnings("connects to a closed port with a password in the URI")
class RedisUriSecretsTest {

  /** Each malformed or unusual URI and the password it holds. */
  private static final List<String[]> URIS = List.of(
      new String[] {"redis://user:Kq7/Jx2Zp@host:6379", "Kq7/Jx2Zp"},
      new String[] {"redis://:Kq7%zzJx2@h", "Kq7%zzJx2"},
      new String[] {"redis://u:Kq7 Jx2Zp@h", "Kq7 Jx2Zp"},
      new String[] {"redis://u:Kq7@Jx2Zp@host:6379", "Kq7@Jx2Zp"},
      new String[] {"redis://u:Kq7:Jx2Zp/@host:6379", "Kq7:Jx2Zp/"},
      new String[] {"redis://u:Kq7?Jx2Zp@host", "Kq7?Jx2Zp"},
      new String[] {"redis://u:9517#Jx2Zp@host", "9517#Jx2Zp"},
      new String[] {"redis://Kq7/Jx2Zp@host", "Kq7/Jx2Zp"},
      new String[] {"rediss://u:Kq7/Jx2Zp@host:6380", "Kq7/Jx2Zp"},
      new String[] {"rediss://u:Kq7%zzJx2@host:6380/0", "Kq7%zzJx2"},
      new String[] {"redis-sentinel://u:Kq7/Jx2Zp@h1:26379,h2:26379/0#mymaster", "Kq7/Jx2Zp"},
      new String[] {"rediss-sentinel://:Kq7 Jx2Zp@h:26379#m", "Kq7 Jx2Zp"},
      new String[] {"redis-socket://:Kq7%zzJx2@/tmp/redis.sock", "Kq7%zzJx2"},
      new String[] {"redis-cluster://u:Kq7/Jx2Zp@h1:7000,h2:7001", "Kq7/Jx2Zp"},
      new String[] {"rediss-cluster://:Kq7#Jx2Zp@h1:7000,h2:7001", "Kq7#Jx2Zp"},
      new String[] {"redis-cluster://:Kq7 Jx2Zp@h1:7000,h2:notaport", "Kq7 Jx2Zp"},
      new String[] {"u:Kq7/Jx2Zp@host:6379", "Kq7/Jx2Zp"},
      new String[] {"//u:Kq7Jx2Zp@host", "Kq7Jx2Zp"},
      new String[] {"redis:/u:Kq7Jx2Zp@host", "Kq7Jx2Zp"},
      new String[] {"redis://u:Kq7Jx2Zp@", "Kq7Jx2Zp"},
      new String[] {"redis://u:Kq7Jx2Zp@host:notaport", "Kq7Jx2Zp"},
      new String[] {"redis://u:Kq7\nJx2Zp@host", "Kq7\nJx2Zp"});

  @Test
  void noPasswordFragmentInAnyMessageLogLineOrAttribute() throws Exception {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    List<String> seen = new ArrayList<>();
    try {
      CachingProvider provider = Caching.getCachingProvider();
      for (String[] form : URIS) {
        String uri = form[0];
        seen.add(failure(() -> RedisEndpoint.check(uri)));
        seen.add(failure(() -> RedisEndpoint.parse(RedisSettings.defaults().withUri(uri)
            .withTimeout(Duration.ofSeconds(1)))));
        seen.add(Messages.maskUri(uri));
        seen.add(failure(() -> ManagerDefaults.of(null, name -> null, name -> "REDIS_URL".equals(name) ? uri : null)
            .redisUri()));
        CacheManager manager = provider.getCacheManager(URI.create("test:secrets"), getClass().getClassLoader());
        seen.add(failure(() -> manager.createCache("direct", StrataConfiguration.builder(String.class, String.class)
            .redisUri(uri).build())));
        manager.close();
        Properties properties = new Properties();
        properties.setProperty(Setting.REDIS_URI.property(), uri);
        CacheManager fromProperties = provider.getCacheManager(URI.create("test:secrets-properties"),
            getClass().getClassLoader(), properties);
        seen.add(failure(() -> fromProperties.createCache("defaulted", new MutableConfiguration<String, String>())));
        fromProperties.close();

        String before = System.getProperty(Setting.REDIS_URI.property());
        System.setProperty(Setting.REDIS_URI.property(), uri);
        try {
          assertThatCode(() -> assertThat(provider.isSupported(OptionalFeature.STORE_BY_REFERENCE)).isFalse())
              .as("isSupported with the malformed %s", Messages.maskUri(uri)).doesNotThrowAnyException();
        } finally {
          if (before == null) {
            System.clearProperty(Setting.REDIS_URI.property());
          } else {
            System.setProperty(Setting.REDIS_URI.property(), before);
          }
        }
      }
      seen.addAll(runningCacheOnUnreachableRedis());
      seen.addAll(malformedConfigurationFiles());
    } finally {
      System.setErr(originalErr);
    }
    seen.add(log.toString(StandardCharsets.UTF_8));
    List<String> passwords = new ArrayList<>(URIS.stream().map(form -> form[1]).toList());
    passwords.add(VALID_PASSWORD);
    passwords.add(VALID_PASSWORD_DECODED);
    for (String password : passwords) {
      for (int i = 0; i + 3 <= password.length(); i++) {
        String fragment = password.substring(i, i + 3);
        for (String text : seen) {
          assertThat(text).as("fragment '%s' of a password", fragment).doesNotContain(fragment);
        }
      }
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).as("the running cache logged its outage")
        .contains("is unavailable");
  }

  private static final String VALID_PASSWORD = "Wm4%2fVt8%5eYr6";
  private static final String VALID_PASSWORD_DECODED = "Wm4/Vt8^Yr6";

  /** A cache that runs (resilience MISS) on a URI with a password, Redis unreachable: its logs, beans, strings. */
  private List<String> runningCacheOnUnreachableRedis() throws Exception {
    List<String> seen = new ArrayList<>();
    CacheManager manager = Caching.getCachingProvider()
        .getCacheManager(URI.create("test:secrets-running"), getClass().getClassLoader());
    try {
      Cache<String, String> cache = manager.createCache("running", StrataConfiguration
          .builder(String.class, String.class).redisUri("redis://user:" + VALID_PASSWORD + "@127.0.0.1:1/0")
          .redisTimeout(Duration.ofMillis(200)).resiliencePolicy(ResiliencePolicy.MISS)
          .statisticsEnabled(true).managementEnabled(true).build());
      cache.put("k", "v");
      seen.add(String.valueOf(cache.get("k")));
      seen.add(cache.toString());
      seen.add(manager.toString());
      seen.add(String.valueOf(cache.getConfiguration(StrataConfiguration.class)));
      seen.add(String.valueOf(cache.unwrap(StrataCache.class).storeMetrics()));
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      for (ObjectName name : server.queryNames(new ObjectName("javax.cache:*"), null)) {
        seen.add(name.toString());
        for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
          seen.add(String.valueOf(server.getAttribute(name, attribute.getName())));
        }
      }
      for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
        seen.add(thread.getKey().getName());
      }
    } finally {
      manager.close();
    }
    return seen;
  }

  /** Configuration files whose line holding the URI is malformed YAML: the parse error does not quote it. */
  private List<String> malformedConfigurationFiles() throws Exception {
    List<String> seen = new ArrayList<>();
    Path folder = Files.createTempDirectory("secrets");
    try {
      String[] documents = {
          "redis-uri: redis://u:Kq7/Jx2Zp@host: 6379\n",
          "redis-uri: \"redis://u:Kq7/Jx2Zp@host\n",
          "strata:\n  redis-uri: redis://u:Kq7 Jx2Zp@h\n bad: [\n",
          "redis-uri: [redis://u:Kq7/Jx2Zp@host\n"};
      for (int i = 0; i < documents.length; i++) {
        Path file = folder.resolve("strata-" + i + ".yaml");
        Files.writeString(file, documents[i]);
        // the random digits of the temporary folder's name are not the message's: they once held "951"
        seen.add(failure(() -> ConfigurationFile.load(file.toUri(), getClass().getClassLoader()))
            .replace(folder.getFileName().toString(), "<folder>"));
        assertThat(seen.get(seen.size() - 1)).as("document %d fails", i).isNotEmpty();
      }
    } finally {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
    return seen;
  }

  /** Every message of the chain (causes and suppressed) of what {@code action} throws, or "" if nothing. */
  private static String failure(ThrowingRunnable action) {
    try {
      action.run();
      return "";
    } catch (Exception e) {
      StringBuilder all = new StringBuilder();
      collect(e, all, 0);
      return all.toString();
    }
  }

  private static void collect(Throwable throwable, StringBuilder all, int depth) {
    if (throwable == null || depth > 20) {
      return;
    }
    all.append(throwable).append('\n');
    for (Throwable suppressed : throwable.getSuppressed()) {
      collect(suppressed, all, depth + 1);
    }
    collect(throwable.getCause(), all, depth + 1);
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
