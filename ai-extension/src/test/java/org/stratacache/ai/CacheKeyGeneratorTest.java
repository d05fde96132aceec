package org.stratacache.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CacheKeyGeneratorTest {

  private final CacheKeyGenerator keys = new CacheKeyGenerator(1000);

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void keyFormatIsPinned() throws Exception {
    String key = keys.key(null, "gpt-4o", "summarize", "Short text.", Map.of("max_words", 50), null);
    assertThat(key).isEqualTo("ai_cache:op:summarize|t:-|m:gpt-4o|txt:Short text.|q:-|opts:"
        + sha256("{\"max_words\":50}"));
    String withQuestion = keys.key("acme", "gpt-4o", "qa", "Doc", Map.of(), "Who?");
    assertThat(withQuestion).isEqualTo("ai_cache:op:qa|t:acme|m:gpt-4o|txt:Doc|q:" + sha256("Who?") + "|opts:"
        + sha256("{}"));
  }

  @Test
  void equivalentOptionMapsGiveTheSameKey() {
    Map<String, Object> inserted = new LinkedHashMap<>();
    inserted.put("temperature", 0.5);
    inserted.put("max_tokens", 100);
    inserted.put("style", Map.of("tone", "formal", "bullets", List.of(1, 2)));
    Map<String, Object> reordered = new TreeMap<>();
    reordered.put("style", new TreeMap<>(Map.of("bullets", List.of(1L, 2.0), "tone", "formal")));
    reordered.put("max_tokens", 100L);
    reordered.put("temperature", new BigDecimal("0.50"));
    assertThat(keys.key(null, "m", "summarize", "t", inserted, null))
        .isEqualTo(keys.key(null, "m", "summarize", "t", reordered, null));
    assertThat(keys.key(null, "m", "summarize", "t", null, null))
        .isEqualTo(keys.key(null, "m", "summarize", "t", Map.of(), null));
  }

  @Test
  void everyPartOfTheRequestChangesTheKey() {
    String base = keys.key(null, "m1", "summarize", "text", Map.of("a", 1), null);
    assertThat(keys.key(null, "m2", "summarize", "text", Map.of("a", 1), null)).isNotEqualTo(base);
    assertThat(keys.key("t1", "m1", "summarize", "text", Map.of("a", 1), null)).isNotEqualTo(base);
    assertThat(keys.key("t1", "m1", "summarize", "text", Map.of("a", 1), null))
        .isNotEqualTo(keys.key("t2", "m1", "summarize", "text", Map.of("a", 1), null));
    assertThat(keys.key(null, "m1", "summarize", "text", Map.of("a", 1), "q")).isNotEqualTo(base);
    assertThat(keys.key(null, "m1", "summarize", "text", Map.of("a", 2), null)).isNotEqualTo(base);
    assertThat(keys.key(null, "m1", "summarize", "text", Map.of("a", "1"), null)).isNotEqualTo(base);
    assertThat(keys.key(null, "m1", "summarize", "text", Map.of("a", 1, "b", true), null)).isNotEqualTo(base);
    assertThat(keys.key(null, "m1", "sentiment", "text", Map.of("a", 1), null)).isNotEqualTo(base);
    assertThat(keys.key(null, "m1", "summarize", "text.", Map.of("a", 1), null)).isNotEqualTo(base);
  }

  @Test
  void longTextsAreHashedShortOnesStayReadable() throws Exception {
    String exactly = "x".repeat(1000);
    assertThat(keys.key(null, "m", "summarize", exactly, null, null)).contains("|txt:" + exactly + "|");
    String longer = "x".repeat(1001);
    assertThat(keys.key(null, "m", "summarize", longer, null, null)).contains("|txt:hash:" + sha256(longer) + "|");
    assertThat(keys.key(null, "m", "summarize", "hash:" + sha256("y"), null, null))
        .as("a text that looks like a hash is hashed, so it cannot pose as another text")
        .contains("|txt:hash:" + sha256("hash:" + sha256("y")) + "|");
  }

  @Test
  void streamingHashEqualsTheHashOfTheUtf8Bytes() throws Exception {
    StringBuilder mixed = new StringBuilder();
    for (int i = 0; i < 30_000; i++) {
      mixed.append(i % 7 == 0 ? "\uD83D\uDE00" : i % 5 == 0 ? "é" : "a");
    }
    mixed.insert(8191, '\uD83D');
    mixed.append('\uDC00');
    String text = mixed.toString();
    assertThat(TextHasher.sha256Hex(text)).isEqualTo(sha256(text));
  }

  @Test
  void aMegabyteTextIsKeyedWithBoundedAllocation() {
    String text = "The quick brown fox jumps over the lazy dog. ".repeat(23_302);
    assertThat(text.length()).isGreaterThan(1_000_000);
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 3; i++) {
      keys.key(null, "m", "summarize", text, Map.of("k", 1), null);
    }
    long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    keys.key(null, "m", "summarize", text, Map.of("k", 1), null);
    long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
    assertThat(allocated).as("bytes allocated to key a 1 MB text").isLessThan(32 * 1024);
  }

  @Test
  void floatsAndDoublesOfTheSameDecimalGiveTheSameKey() {
    assertThat(keys.key(null, "m", "qa", "t", Map.of("temperature", 0.7f), null))
        .isEqualTo(keys.key(null, "m", "qa", "t", Map.of("temperature", 0.7), null));
    assertThat(keys.key(null, "m", "qa", "t", Map.of("n", new AtomicLong(5)), null))
        .isEqualTo(keys.key(null, "m", "qa", "t", Map.of("n", 5), null));
  }

  @Test
  void namesThatCouldForgeASegmentAreRefused() {
    assertThatThrownBy(() -> keys.key("-", "m", "qa", "t", null, null))
        .as("'-' means no tenant").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
    assertThatThrownBy(() -> keys.key("acme|t:other", "m", "qa", "t", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant");
    assertThatThrownBy(() -> keys.key(null, "m", "qa|x", "t", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operation");
    assertThatThrownBy(() -> keys.key(null, "m|x", "qa", "t", null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model");
    assertThatThrownBy(() -> keys.key(null, "m", "qa", "t", Map.of("x", new Object()), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.x");
  }
}
