package org.stratacache.jcache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheLoaderException;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void longKeysAreCutShortOnesKept() {
    assertThat(Messages.shorten("short")).isEqualTo("short");
    assertThat(Messages.shorten(null)).isEqualTo("null");
    String cut = Messages.shorten("k".repeat(1_000_000));
    assertThat(cut).startsWith("k".repeat(200)).endsWith("… (1000000 chars)").hasSize(200 + 17);
    assertThat(Messages.shorten("k".repeat(199) + "😀" + "x")).as("no half surrogate pair")
        .startsWith("k".repeat(199) + "…");
    assertThat(Messages.printable(new byte[] {'a', 0, (byte) 0xff})).isEqualTo("a\\x00\\xff");
    assertThat(Messages.printable(new byte[1_000_000])).hasSizeLessThan(1_000).endsWith("… (1000000 bytes)");
  }

  @Test
  void anErrorAboutAHugeKeyIsAShortMessage() {
    CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:messages"),
        getClass().getClassLoader());
    try {
      Cache<String, String> cache = manager.createCache("loading", new MutableConfiguration<String, String>()
          .setTypes(String.class, String.class).setReadThrough(true)
          .setCacheLoaderFactory(FactoryBuilder.factoryOf(FailingLoader.class)));
      String hugeKey = "k".repeat(1_000_000);
      try {
        cache.get(hugeKey);
        throw new AssertionError("the loader fails");
      } catch (CacheLoaderException e) {
        assertThat(e.getMessage()).hasSizeLessThan(400).contains("(1000000 chars)");
      }
    } finally {
      manager.close();
    }
  }

  /** A loader that always fails. */
  public static final class FailingLoader implements CacheLoader<String, String> {
    @Override
    public String load(String key) {
      throw new IllegalStateException("no source");
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
      throw new IllegalStateException("no source");
    }
  }
}
