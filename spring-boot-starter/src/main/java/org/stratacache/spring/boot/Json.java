package org.stratacache.spring.boot;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Bound values written as JSON text: strings, lists and maps, as extensions' map settings read them. */
final class Json {

  private Json() {
  }

  static String of(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(entry -> of(String.valueOf(entry.getKey())) + ":" + of(entry.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof Collection<?> list) {
      return list.stream().map(Json::of).collect(Collectors.joining(",", "[", "]"));
    }
    StringBuilder out = new StringBuilder("\"");
    for (char c : String.valueOf(value).toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < ' ') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
