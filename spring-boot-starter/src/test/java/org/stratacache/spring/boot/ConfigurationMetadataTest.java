package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;

/**
 * The IDE completion file ({@code META-INF/spring-configuration-metadata.json}) lists exactly the
 * keys the starter accepts, described from {@link Setting} and the extensions' declarations (the AI
 * module is on this class path), with {@code strata.caches} for the settings of one cache. When a setting changes, this test writes
 * the new file to {@code target/spring-configuration-metadata.json} and fails: copy it over.
 */
class ConfigurationMetadataTest {

  private static final Pattern CHOICES = Pattern.compile("[a-z-]+(, [a-z-]+)* or [a-z-]+");
  private static final Map<String, String[]> OWN = Map.of(
      StrataSettings.STATISTICS, new String[] {"java.lang.Boolean", "Whether every cache of the Boot-managed "
          + "manager gets statistics (Boot's cache metrics read them); false leaves each cache's own choice.", "true"},
      StrataSettings.MANAGEMENT, new String[] {"java.lang.Boolean", "Whether the caches created from "
          + "spring.cache.cache-names get the configuration MXBean.", "false"});

  @Test
  void theMetadataFileListsEveryAcceptedKey() throws IOException {
    String expected = metadata();
    String actual;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      actual = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!expected.equals(actual)) {
      Files.writeString(Path.of("target", "spring-configuration-metadata.json"), expected);
    }
    assertThat(actual).as("src/main/resources/META-INF/spring-configuration-metadata.json is out of date: "
        + "copy target/spring-configuration-metadata.json over it").isEqualTo(expected);
    for (String key : StrataSettings.knownKeys()) {
      assertThat(actual).contains("\"name\": \"" + key + "\"");
    }
    assertThat(actual).contains("\"name\": \"strata.ai.text-hash-threshold\"", "\"name\": \"strata.caches\"");
    for (String key : StrataSettings.cacheKeys()) {
      assertThat(actual).contains(key);
    }
  }

  static String metadata() {
    List<String> properties = new ArrayList<>();
    List<String> hints = new ArrayList<>();
    for (String key : StrataSettings.knownKeys()) {
      Setting setting = Setting.byKey(key.substring(Setting.PROPERTY_PREFIX.length()));
      String type;
      String description;
      String defaultValue;
      if (setting != null) {
        type = type(setting.accepts());
        description = "Accepts " + setting.accepts()
            + (setting.environmentVariable() == null ? "" : "; environment variable " + setting.environmentVariable())
            + (setting.isSecret() ? "; a secret, never logged" : "") + ". Default: " + setting.defaultValue() + ".";
        defaultValue = null;
        if (CHOICES.matcher(setting.accepts()).matches()) {
          StringBuilder values = new StringBuilder();
          for (String value : setting.accepts().replace(" or ", ", ").split(", ")) {
            values.append(values.length() == 0 ? "" : ",\n").append("        {\n          \"value\": \"")
                .append(value).append("\"\n        }");
          }
          hints.add("    {\n      \"name\": \"" + key + "\",\n      \"values\": [\n" + values + "\n      ]\n    }");
        }
      } else if (extension(key) != null) {
        ExtensionSetting<?> declared = extension(key);
        type = type(declared.accepts());
        description = "Accepts " + declared.accepts() + (declared.environmentVariable() == null ? ""
            : "; environment variable " + declared.environmentVariable()) + ". Default: " + declared.defaultValue()
            + ". A setting of an extension module (" + declared.key().substring(0, declared.key().indexOf('.'))
            + "), known when the module is on the class path.";
        defaultValue = null;
      } else {
        assertThat(OWN).as("a key that is neither a setting nor the starter's own").containsKey(key);
        type = OWN.get(key)[0];
        description = OWN.get(key)[1];
        defaultValue = OWN.get(key)[2];
      }
      properties.add("    {\n      \"name\": \"" + key + "\",\n      \"type\": \"" + type + "\",\n"
          + "      \"description\": \"" + json(description) + "\",\n"
          + "      \"sourceType\": \"org.stratacache.spring.boot.StrataSettings\""
          + (defaultValue == null ? "" : ",\n      \"defaultValue\": " + defaultValue) + "\n    }");
    }
    properties.add("    {\n      \"name\": \"strata.caches\",\n"
        + "      \"type\": \"java.util.Map<java.lang.String,java.util.Map<java.lang.String,java.lang.String>>\",\n"
        + "      \"description\": \"" + json("The settings of one cache, by cache name: "
        + "strata.caches.<cache-name>.<key>, for example strata.caches.orders.maximum-size=1000 (a name with dots "
        + "in brackets: strata.caches[com.example.Author].default-ttl=1h). The cache is created with the manager. "
        + "Keys: " + String.join(", ", StrataSettings.cacheKeys()) + ".") + "\",\n"
        + "      \"sourceType\": \"org.stratacache.spring.boot.StrataSettings\"\n    }");
    return "{\n  \"groups\": [\n    {\n      \"name\": \"strata\",\n      \"type\": \"org.stratacache.spring.boot.StrataSettings\",\n"
        + "      \"description\": \"Strata Cache: settings of the cache manager (see the user guide's configuration reference).\",\n"
        + "      \"sourceType\": \"org.stratacache.spring.boot.StrataSettings\"\n    }\n  ],\n"
        + "  \"properties\": [\n" + String.join(",\n", properties) + "\n  ],\n"
        + "  \"hints\": [\n" + String.join(",\n", hints) + "\n  ]\n}\n";
  }

  private static ExtensionSetting<?> extension(String property) {
    for (CacheExtension extension : ServiceLoader.load(CacheExtension.class)) {
      for (ExtensionSetting<?> setting : extension.declaredSettings()) {
        if (setting.property().equals(property)) {
          return setting;
        }
      }
    }
    return null;
  }

  private static String type(String accepts) {
    if (accepts.equals("true or false")) {
      return "java.lang.Boolean";
    }
    if (accepts.startsWith("a whole number")) {
      return "java.lang.Long";
    }
    if (accepts.startsWith("a map of")) {
      return "java.util.Map<java.lang.String,java.lang.String>";
    }
    if (accepts.startsWith("a list of")) {
      return "java.util.List<java.lang.String>";
    }
    return "java.lang.String";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  @Test
  void choicesBecomeHints() {
    Matcher matcher = CHOICES.matcher("fail, miss or local-fallback");
    assertThat(matcher.matches()).isTrue();
    assertThat(metadata()).contains("\"value\": \"local-fallback\"");
  }
}
