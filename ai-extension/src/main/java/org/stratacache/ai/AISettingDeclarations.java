package org.stratacache.ai;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stratacache.jcache.configuration.Durations;
import org.stratacache.jcache.configuration.ExtensionSetting;

/**
 * The AI section's settings that come from outside code, each declared once (key, environment
 * variable, parser, range, default, how the section holds it): the cache manager reads them with the
 * same precedence and messages as its own, and the configuration reference lists them.
 */
final class AISettingDeclarations {

  /** Texts longer than this many characters are hashed in keys. */
  static final ExtensionSetting<AISettings> TEXT_HASH_THRESHOLD = ExtensionSetting
      .of("ai.text-hash-threshold", AISettings.class).env("CACHE_TEXT_HASH_THRESHOLD")
      .intRange(0, Integer.MAX_VALUE).accepts("a whole number of characters, 0 or more")
      .defaultValue(AISettings.DEFAULT_TEXT_HASH_THRESHOLD)
      .build(settings -> settings.isSet("text-hash-threshold") ? settings.textHashThreshold() : null,
          (settings, value) -> settings.toBuilder().textHashThreshold((Integer) value).build());

  /** Lifetimes per operation; an operation code or the cache's section sets keeps its own. */
  static final ExtensionSetting<AISettings> OPERATION_TTLS = ExtensionSetting
      .of("ai.operation-ttls", AISettings.class).env("CACHE_AI_OPERATION_TTLS")
      .parser(AISettingDeclarations::ttls)
      .accepts("a map of operation to lifetime (in a variable or property, JSON: "
          + "{\"summarize\": \"2h\", \"qa\": 1800})")
      .defaultValue("summarize 2h, sentiment 24h, key_points 2h, questions 1h, qa 30m")
      .build(settings -> null, AISettingDeclarations::withTtls);

  static final List<ExtensionSetting<AISettings>> ALL = List.of(OPERATION_TTLS, TEXT_HASH_THRESHOLD);

  private AISettingDeclarations() {
  }

  private static Map<String, Duration> ttls(Object raw) {
    Map<?, ?> map;
    if (raw instanceof Map<?, ?> given) {
      map = given;
    } else {
      try {
        map = JSON.std.mapFrom(String.valueOf(raw));
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("not a JSON object of operation to lifetime", e);
      }
    }
    Map<String, Duration> ttls = new LinkedHashMap<>();
    map.forEach((operation, ttl) -> ttls.put(AISettings.checkName(String.valueOf(operation), "operation"),
        Durations.parse(ttl, "operation-ttls." + operation)));
    return ttls;
  }

  @SuppressWarnings("unchecked")
  private static AISettings withTtls(AISettings settings, Object value) {
    AISettings.Builder builder = settings.toBuilder();
    boolean changed = false;
    for (Map.Entry<String, Duration> entry : ((Map<String, Duration>) value).entrySet()) {
      if (!settings.isSet("operation-ttls." + entry.getKey())) {
        builder.operationTtl(entry.getKey(), entry.getValue());
        changed = true;
      }
    }
    return changed ? builder.build() : settings;
  }
}
