package org.stratacache.jcache.internal.codec;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.stratacache.jcache.configuration.SerializationSettings;

/** The values whose stored bytes are pinned by {@code golden/values-v1.properties}. */
final class GoldenValues {

  /** A registered application class. */
  record Point(int x, int y) {
  }

  static final SerializationSettings SETTINGS = SerializationSettings.none().register(Point.class, 100);

  private GoldenValues() {
  }

  static Map<String, Object> values() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("string", "hello");
    values.put("long", 42L);
    values.put("integer", -7);
    values.put("double", 2.5d);
    values.put("boolean", true);
    values.put("bigDecimal", new BigDecimal("12345.6789"));
    values.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    values.put("instant", Instant.ofEpochSecond(1_700_000_000L, 123_456_789));
    values.put("listOf", List.of(1, 2, 3));
    ArrayList<Object> list = new ArrayList<>();
    list.add("a");
    list.add(1L);
    values.put("arrayList", list);
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    values.put("linkedHashMap", map);
    values.put("bytes", new byte[] {1, 2, 3});
    values.put("registered", new Point(3, 4));
    values.put("compressed", "JSON-like text ".repeat(100));
    return values;
  }

  static ValueCodec codec() {
    return new ValueCodec(new KryoSerializer(GoldenValues.class.getClassLoader(), SETTINGS), 1000, 6);
  }
}
