package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * On a Redis Cluster a script may only touch keys of one slot, and only keys it declares. Every
 * entry script here declares one key, so each Redis call in it must name {@code KEYS[1]} as its key,
 * or be a call without keys. The size index scripts are the exception: they run only for caches
 * whose keys all share one slot (checked by {@code KeyCodecTest}) or on a single server.
 */
class ScriptKeysTest {

  private static final Pattern CALL = Pattern.compile("redis\\.call\\(\\s*'([A-Za-z]+)'\\s*(?:,\\s*([^,)]+))?");
  private static final List<String> KEYLESS = List.of("TIME");

  @Test
  void everyRedisCallOfEveryScriptTouchesOnlyItsOneDeclaredKey() {
    List<String> calls = new ArrayList<>();
    List<String> offending = new ArrayList<>();
    for (Script script : Script.values()) {
      if (script == Script.INDEX_AFTER_WRITE || script == Script.INDEX_SIZE) {
        continue;
      }
      String source = new String(script.source(), StandardCharsets.UTF_8);
      assertThat(source).as(script + " names no key but KEYS[1]").doesNotContainPattern("KEYS\\[(?!1\\])");
      Matcher call = CALL.matcher(source);
      while (call.find()) {
        String command = call.group(1).toUpperCase(Locale.ROOT);
        String key = call.group(2) == null ? null : call.group(2).trim();
        calls.add(script + " " + command);
        if (KEYLESS.contains(command) ? key != null : !"KEYS[1]".equals(key)) {
          offending.add(script + ": redis.call('" + command + "', " + key + ")");
        }
      }
    }
    assertThat(calls).as("the scripts were read").hasSizeGreaterThan(Script.values().length - 2);
    assertThat(offending).as("Redis calls whose key is not the script's one declared key").isEmpty();
  }
}
