package org.stratacache.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.stratacache.jcache.configuration.Durations;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.ExtensionSetting.Parser;

/**
 * The AI section's settings, each declared once (key, environment variable, parser, constraint,
 * default, how the section holds it): the cache manager reads them from a cache's {@code ai:}
 * section, its properties, the top level of its file, system properties and the environment with
 * the same precedence, validation and messages as its own, and the configuration reference lists them.
 */
final class AISettingDeclarations {

  /** Lifetimes per operation; an operation code or the cache's section sets keeps its own. */
  static final ExtensionSetting<AISettings> OPERATION_TTLS = ExtensionSetting
      .of("ai.operation-ttls", AISettings.class).env("CACHE_AI_OPERATION_TTLS")
      .map(name -> AISettings.checkName((String) name, "operation"), ttl -> Durations.parse(ttl, "operation-ttls"))
      .accepts("a map of operation to lifetime (in a variable or property, JSON: "
          + "{\"summarize\": \"2h\", \"qa\": 1800})")
      .defaultValue("summarize 2h, sentiment 24h, key_points 2h, questions 1h, qa 30m")
      .build(settings -> null, (settings, value) -> merged(settings, "operation-ttls.", value,
          (builder, entry) -> builder.operationTtl(entry.getKey(), (Duration) entry.getValue())));

  /** Texts longer than this many characters are hashed in keys. */
  static final ExtensionSetting<AISettings> TEXT_HASH_THRESHOLD = ExtensionSetting
      .of("ai.text-hash-threshold", AISettings.class).env("CACHE_TEXT_HASH_THRESHOLD")
      .intRange(0, Integer.MAX_VALUE).accepts("a whole number of characters, 0 or more")
      .defaultValue(AISettings.DEFAULT_TEXT_HASH_THRESHOLD)
      .build(settings -> settings.isSet("text-hash-threshold") ? settings.textHashThreshold() : null,
          (settings, value) -> settings.toBuilder().textHashThreshold((Integer) value).build());

  /** Boundaries of the text size tiers of the metrics. */
  static final ExtensionSetting<AISettings> TEXT_SIZE_TIERS = ExtensionSetting
      .of("ai.text-size-tiers", AISettings.class).env("CACHE_AI_TEXT_SIZE_TIERS")
      .list(Parser.integer(1, Integer.MAX_VALUE)).constraint(AISettingDeclarations::tiersViolation)
      .accepts("three increasing sizes in characters: [500, 5000, 50000] (in a variable or property: 500,5000,50000)")
      .defaultValue("[500, 5000, 50000]")
      .build(settings -> settings.isSet("text-size-tiers") ? settings.textTiers() : null, (settings, value) -> {
        List<?> tiers = (List<?>) value;
        return settings.toBuilder().textTiers((Integer) tiers.get(0), (Integer) tiers.get(1), (Integer) tiers.get(2))
            .build();
      });

  /** The model named in keys when none is chosen. */
  static final ExtensionSetting<AISettings> DEFAULT_MODEL = ExtensionSetting
      .of("ai.default-model", AISettings.class).env("CACHE_AI_DEFAULT_MODEL")
      .parser(model -> CacheKeyGenerator.checkModel(String.valueOf(model).trim()))
      .accepts("a model name: 1 to 128 letters, digits or any of _ . : / @ + -").defaultValue("default")
      .build(settings -> settings.isSet("default-model") ? settings.defaultModel() : null,
          (settings, value) -> settings.toBuilder().defaultModel((String) value).build());

  /** The price of a thousand tokens of models without their own. */
  static final ExtensionSetting<AISettings> COST_PER_THOUSAND_TOKENS = ExtensionSetting
      .of("ai.cost-per-thousand-tokens", AISettings.class).env("CACHE_AI_COST_PER_THOUSAND_TOKENS")
      .decimalRange(0, Double.MAX_VALUE).accepts("a price, 0 or more")
      .defaultValue("0: the cost saved is not estimated")
      .build(settings -> settings.isSet("cost-per-thousand-tokens") ? settings.costPerThousandTokens() : null,
          (settings, value) -> settings.toBuilder().costPerThousandTokens((Double) value).build());

  /** Per model, the prices of its tokens; a model code or the cache's section prices keeps its own. */
  static final ExtensionSetting<AISettings> MODEL_PRICES = ExtensionSetting
      .of("ai.model-prices", AISettings.class).env("CACHE_AI_MODEL_PRICES")
      .map(model -> CacheKeyGenerator.checkModel((String) model), AISettingDeclarations::price)
      .accepts("a map of model to its prices of a thousand prompt and completion tokens (in a variable or "
          + "property, JSON: {\"gpt-4o\": {\"prompt\": 0.0025, \"completion\": 0.01}})")
      .defaultValue("none: every model costs cost-per-thousand-tokens")
      .build(settings -> null, (settings, value) -> merged(settings, "model-prices.", value, (builder, entry) -> {
        ModelPrice price = (ModelPrice) entry.getValue();
        builder.modelPrice(entry.getKey(), price.promptPerThousand(), price.completionPerThousand());
      }));

  static final List<ExtensionSetting<AISettings>> ALL = List.of(OPERATION_TTLS, TEXT_HASH_THRESHOLD, TEXT_SIZE_TIERS,
      DEFAULT_MODEL, COST_PER_THOUSAND_TOKENS, MODEL_PRICES);

  private static final Parser DECIMAL = Parser.decimal(0, Double.MAX_VALUE);

  private AISettingDeclarations() {
  }

  private static String tiersViolation(Object value) {
    List<?> tiers = (List<?>) value;
    return tiers.size() == 3 && (Integer) tiers.get(0) < (Integer) tiers.get(1)
        && (Integer) tiers.get(1) < (Integer) tiers.get(2) ? null : "must be three increasing sizes";
  }

  private static ModelPrice price(Object raw) {
    if (!(raw instanceof Map<?, ?> prices) || prices.get("prompt") == null || prices.get("completion") == null
        || prices.size() != 2) {
      throw new IllegalArgumentException("each model price takes prompt and completion, e.g. "
          + "{ prompt: 0.00015, completion: 0.0006 }");
    }
    return new ModelPrice((Double) DECIMAL.parse(prices.get("prompt")),
        (Double) DECIMAL.parse(prices.get("completion")));
  }

  /** {@code settings} with the entries of {@code value} it does not set itself ({@code <prefix><name>}). */
  private static AISettings merged(AISettings settings, String prefix, Object value,
                                   BiConsumer<AISettings.Builder, Map.Entry<String, Object>> put) {
    AISettings.Builder builder = settings.toBuilder();
    boolean changed = false;
    @SuppressWarnings("unchecked")
    Map<String, Object> entries = (Map<String, Object>) value;
    for (Map.Entry<String, Object> entry : entries.entrySet()) {
      if (!settings.isSet(prefix + entry.getKey())) {
        put.accept(builder, entry);
        changed = true;
      }
    }
    return changed ? builder.build() : settings;
  }
}
