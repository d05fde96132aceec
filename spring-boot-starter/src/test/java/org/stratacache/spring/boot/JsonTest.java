package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bound maps become the JSON text extensions' map settings read: nested maps, lists, escapes. */
class JsonTest {

  @Test
  void mapsListsAndEscapes() {
    Map<String, Object> prices = new LinkedHashMap<>();
    prices.put("gpt \"mini\"", Map.of("prompt", "0.15"));
    prices.put("tiers", List.of("1", "2"));
    prices.put("path", "a\\b\tc");
    assertThat(Json.of(prices)).isEqualTo("{\"gpt \\\"mini\\\"\":{\"prompt\":\"0.15\"},\"tiers\":[\"1\",\"2\"],"
        + "\"path\":\"a\\\\b\\u0009c\"}");
  }
}
