package org.stratacache.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stratacache.jcache.configuration.StoreType;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * The troubleshooting chapter's messages as a user meets them: each mistake is made for real and the
 * message printed must match one of the chapter's quotes, {@code <placeholders>} matching anything.
 */
class TroubleshootingGuideTest {

  private static final Path CHAPTER = Path.of("src/docs/asciidoc/chapters/troubleshooting.adoc");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]*>|\\.\\.\\.");

  /** A value class nobody allowed. */
  public record Parcel(String id) {
  }

  @TempDir
  Path folder;

  private List<Pattern> quotes;
  private CacheManager manager;

  @BeforeEach
  void readTheChapter() throws IOException {
    quotes = new ArrayList<>();
    for (String quote : QuotedMessagesTest.quotes(CHAPTER)) {
      StringBuilder regex = new StringBuilder();
      for (String piece : PLACEHOLDER.split(quote, -1)) {
        regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(piece));
      }
      quotes.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }
    manager = Caching.getCachingProvider().getCacheManager(URI.create("docs:troubleshooting"),
        getClass().getClassLoader(), new Properties());
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** Some message in the cause chain of {@code failure} holds one of the chapter's quotes. */
  private void assertQuoted(Throwable failure) {
    assertThat(failure).isNotNull();
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(t.getMessage());
    }
    assertThat(messages.stream().anyMatch(message -> message != null
        && quotes.stream().anyMatch(quote -> quote.matcher(message).find())))
        .as("no quote of %s matches %s", CHAPTER, messages).isTrue();
  }

  private Throwable openFile(String yaml) throws IOException {
    Path file = Files.writeString(folder.resolve("strata.yaml"), yaml, StandardCharsets.UTF_8);
    return catchThrowable(() -> Caching.getCachingProvider()
        .getCacheManager(file.toUri(), getClass().getClassLoader(), new Properties()).close());
  }

  @Test
  void anUnknownKeyInAFile() throws IOException {
    assertQuoted(openFile("default-tll: 10m\n"));
  }

  @Test
  void aValueASettingDoesNotAccept() throws IOException {
    assertQuoted(openFile("caches:\n  orders:\n    default-ttl: soon\n"));
  }

  @Test
  void anInvalidSettingInCode() {
    assertQuoted(catchThrowable(() -> manager.createCache("orders",
        StrataConfiguration.builder(String.class, String.class).keyPrefix("a:b").build())));
  }

  @Test
  void aClusterRefusal() {
    assertQuoted(catchThrowable(() -> manager.createCache("orders", StrataConfiguration.builder(String.class,
        String.class).redisUri("redis-cluster://127.0.0.1:1").remoteEvents(true).build())));
  }

  @Test
  void aClosedCache() {
    Cache<String, String> orders = manager.createCache("orders",
        StrataConfiguration.builder(String.class, String.class).build());
    orders.close();
    assertQuoted(catchThrowable(() -> orders.get("o-1")));
  }

  @Test
  void aClassNotAllowedOnRedis() {
    Cache<String, Object> anything = manager.createCache("anything", StrataConfiguration
        .builder(String.class, Object.class).storeType(StoreType.REDIS).redisUri(RedisServer.sharedUri()).build());
    assertQuoted(catchThrowable(() -> anything.put("p-1", new Parcel("p-1"))));
  }
}
