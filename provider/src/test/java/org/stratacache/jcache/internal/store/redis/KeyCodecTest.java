package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.CodecException;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.internal.codec.KryoSerializer;

class KeyCodecTest {

  record Composite(String tenant, long id) {
  }

  private final KryoSerializer serializer = new KryoSerializer(getClass().getClassLoader(),
      SerializationSettings.none().register(Composite.class, 100));

  private static String text(byte[] key) {
    return new String(key, StandardCharsets.UTF_8);
  }

  @Test
  void stringKeysAreReadableUnderTheNamespace() {
    KeyCodec<String> codec = new KeyCodec<>("strata", "orders", String.class, serializer);
    assertThat(text(codec.encode("o:1"))).isEqualTo("strata:orders:o:1");
    assertThat(codec.decode(codec.encode("o:1"))).isEqualTo("o:1");
    assertThat(text(codec.matchAll())).isEqualTo("strata:orders:*");
  }

  @Test
  void otherKeysCarryATypeTagAndRoundTrip() {
    KeyCodec<Object> codec = new KeyCodec<>("strata", "mixed", Object.class, serializer);
    assertThat(text(codec.encode("1"))).isEqualTo("strata:mixed:s:1");
    assertThat(text(codec.encode(1L))).isEqualTo("strata:mixed:l:1");
    assertThat(text(codec.encode(1))).isEqualTo("strata:mixed:i:1");
    UUID uuid = UUID.randomUUID();
    for (Object key : new Object[] {"1", 1L, 1, uuid, new Composite("t", 7)}) {
      assertThat(codec.decode(codec.encode(key))).isEqualTo(key);
    }
    assertThat(codec.encode(new Composite("t", 7))).as("the same key gives the same bytes")
        .isEqualTo(new KeyCodec<>("strata", "mixed", Object.class, new KryoSerializer(null,
            SerializationSettings.none().register(Composite.class, 100))).encode(new Composite("t", 7)));
  }

  @Test
  void cacheNamesCannotCollideOrAddGlobsOrHashTags() {
    assertThat(KeyCodec.escape("com.example.Author-books_1")).isEqualTo("com.example.Author-books_1");
    assertThat(KeyCodec.escape("a:b*c{d}")).isEqualTo("a%3Ab%2Ac%7Bd%7D");
    KeyCodec<String> a = new KeyCodec<>("strata", "a", String.class, serializer);
    KeyCodec<String> ab = new KeyCodec<>("strata", "a:b", String.class, serializer);
    assertThat(text(ab.encode("k"))).doesNotStartWith("strata:a:");
    assertThatThrownBy(() -> a.decode(ab.encode("k"))).isInstanceOf(CodecException.class);
  }

  @Test
  void aBoundedCacheKeepsEveryKeyOfItsOwnInOneClusterSlot() {
    KeyCodec<String> bounded = new KeyCodec<>("strata", "orders{x}", String.class, serializer, true);
    int slot = SlotHash.getSlot(bounded.indexKey());
    assertThat(text(bounded.encode("k1"))).startsWith("{strata:orders%7Bx%7D}:");
    for (String key : List.of("k1", "k2", "{k3}", "anything else")) {
      assertThat(SlotHash.getSlot(bounded.encode(key))).as(key).isEqualTo(slot);
    }
    assertThat(SlotHash.getSlot(bounded.tagKey("t"))).isEqualTo(slot);
    assertThat(bounded.isEntryKey(bounded.indexKey())).isFalse();
    assertThat(bounded.inNamespace(bounded.indexKey())).isTrue();
  }
}
