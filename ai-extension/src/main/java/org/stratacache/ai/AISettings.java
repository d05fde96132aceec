package org.stratacache.ai;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the AI layer needs to know: the lifetime of each operation's answers, when a text is long
 * enough to be hashed, the text size tiers for metrics, the default model and the token price.
 * Immutable; attached to the cache's {@code StrataConfiguration} as an extension.
 *
 * <p>Precedence: what code sets on the {@link Builder} or a cache's {@code ai:} section in a
 * configuration file, then, like every setting, the cache manager's properties
 * ({@code strata.ai.text-hash-threshold}), the top level of its file, system properties and the
 * environment ({@code CACHE_AI_OPERATION_TTLS} as JSON, e.g. {@code {"summarize": "2h", "qa": 1800}};
 * {@code CACHE_TEXT_HASH_THRESHOLD}, ...), then the defaults below: the cache manager applies them
 * when it creates the cache. The settings are declared once in {@code AISettingDeclarations}; the
 * configuration reference lists them.
 */
public final class AISettings implements Serializable {

  /** Default lifetimes per operation. */
  public static final Map<String, Duration> DEFAULT_OPERATION_TTLS = defaultTtls();
  /** Texts longer than this many characters are hashed in keys. */
  public static final int DEFAULT_TEXT_HASH_THRESHOLD = 1000;

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final long serialVersionUID = 1L;

  private final Map<String, Duration> operationTtls;
  private final int textHashThreshold;
  private final int smallBelow;
  private final int mediumBelow;
  private final int largeBelow;
  private final String defaultModel;
  private final double costPerThousandTokens;
  private final Map<String, ModelPrice> modelPrices;
  /** The keys (in the ai section) code or a file set, which the manager's defaults do not replace. */
  private final Set<String> explicit;

  private AISettings(Builder builder) {
    this.explicit = Set.copyOf(builder.explicit);
    this.operationTtls = Collections.unmodifiableMap(new LinkedHashMap<>(builder.operationTtls));
    this.textHashThreshold = builder.textHashThreshold;
    this.smallBelow = builder.smallBelow;
    this.mediumBelow = builder.mediumBelow;
    this.largeBelow = builder.largeBelow;
    this.defaultModel = builder.defaultModel;
    this.costPerThousandTokens = builder.costPerThousandTokens;
    this.modelPrices = Collections.unmodifiableMap(new LinkedHashMap<>(builder.modelPrices));
  }

  private static Map<String, Duration> defaultTtls() {
    Map<String, Duration> ttls = new LinkedHashMap<>();
    ttls.put("summarize", Duration.ofHours(2));
    ttls.put("sentiment", Duration.ofHours(24));
    ttls.put("key_points", Duration.ofHours(2));
    ttls.put("questions", Duration.ofHours(1));
    ttls.put("qa", Duration.ofMinutes(30));
    return Collections.unmodifiableMap(ttls);
  }

  /** Built-in defaults only. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether code or a file set {@code key} of the ai section (an operation's as {@code operation-ttls.<op>}). */
  boolean isSet(String key) {
    return explicit != null && explicit.contains(key);
  }

  /** The lifetime of an operation's answers, or {@code null} when the cache's default applies. */
  public Duration operationTtl(String operation) {
    return operationTtls.get(operation);
  }

  /** Every configured operation lifetime. */
  public Map<String, Duration> operationTtls() {
    return operationTtls;
  }

  /** Texts longer than this many characters are hashed in keys. */
  public int textHashThreshold() {
    return textHashThreshold;
  }

  /** The tier of a text of {@code length} characters. */
  public TextTier tierOf(int length) {
    if (length < smallBelow) {
      return TextTier.SMALL;
    }
    if (length < mediumBelow) {
      return TextTier.MEDIUM;
    }
    return length < largeBelow ? TextTier.LARGE : TextTier.XLARGE;
  }

  /** The tier boundaries: small below the first, medium below the second, large below the third. */
  List<Integer> textTiers() {
    return List.of(smallBelow, mediumBelow, largeBelow);
  }

  /** The model named in keys when none is chosen with {@code forModel}. */
  public String defaultModel() {
    return defaultModel;
  }

  /** Price of a thousand tokens, for the estimated cost saved (0: not estimated). */
  public double costPerThousandTokens() {
    return costPerThousandTokens;
  }

  /** The prices of each model configured with one. */
  public Map<String, ModelPrice> modelPrices() {
    return modelPrices;
  }

  /** The price of {@code model}'s tokens: its own, or {@link #costPerThousandTokens()} for both kinds. */
  public ModelPrice priceOf(String model) {
    ModelPrice price = modelPrices.get(model);
    return price == null ? new ModelPrice(costPerThousandTokens, costPerThousandTokens) : price;
  }

  /** A builder holding these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.operationTtls.clear();
    builder.operationTtls.putAll(operationTtls);
    builder.modelPrices.putAll(modelPrices);
    Set<String> set = explicit == null ? Set.of() : explicit;
    builder.textHashThreshold(textHashThreshold).textTiers(smallBelow, mediumBelow, largeBelow)
        .defaultModel(defaultModel).costPerThousandTokens(costPerThousandTokens);
    builder.explicit.clear();
    builder.explicit.addAll(set);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AISettings that && operationTtls.equals(that.operationTtls)
        && textHashThreshold == that.textHashThreshold && smallBelow == that.smallBelow
        && mediumBelow == that.mediumBelow && largeBelow == that.largeBelow && defaultModel.equals(that.defaultModel)
        && Double.compare(costPerThousandTokens, that.costPerThousandTokens) == 0
        && modelPrices.equals(that.modelPrices);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operationTtls, textHashThreshold, smallBelow, mediumBelow, largeBelow, defaultModel,
        costPerThousandTokens, modelPrices);
  }

  @Override
  public String toString() {
    return "AISettings{operationTtls=" + operationTtls + ", textHashThreshold=" + textHashThreshold + ", tiers=["
        + smallBelow + ", " + mediumBelow + ", " + largeBelow + "], defaultModel=" + defaultModel + "}";
  }

  /** Builds {@link AISettings}; every setter checks its argument and names it when it is wrong. */
  public static final class Builder {

    private final Map<String, Duration> operationTtls = new LinkedHashMap<>(DEFAULT_OPERATION_TTLS);
    private int textHashThreshold = DEFAULT_TEXT_HASH_THRESHOLD;
    private int smallBelow = 500;
    private int mediumBelow = 5_000;
    private int largeBelow = 50_000;
    private String defaultModel = "default";
    private double costPerThousandTokens;
    private final Map<String, ModelPrice> modelPrices = new LinkedHashMap<>();
    private final Set<String> explicit = new HashSet<>();

    private Builder() {
    }

    /** The prices of one model's tokens, per thousand: prompt (input) and completion (output). */
    public Builder modelPrice(String model, double promptPerThousand, double completionPerThousand) {
      modelPrices.put(CacheKeyGenerator.checkModel(model), new ModelPrice(promptPerThousand, completionPerThousand));
      explicit.add("model-prices." + model);
      return this;
    }

    /** Sets the lifetime of one operation's answers (other operations keep theirs). */
    public Builder operationTtl(String operation, Duration ttl) {
      checkName(operation, "operation");
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("operationTtl." + operation + " = " + ttl + " must be positive");
      }
      operationTtls.put(operation, ttl);
      explicit.add("operation-ttls." + operation);
      return this;
    }

    /** Texts longer than this many characters are hashed in keys (default 1,000). */
    public Builder textHashThreshold(int characters) {
      if (characters < 0) {
        throw new IllegalArgumentException("textHashThreshold = " + characters + " must be 0 or more");
      }
      this.textHashThreshold = characters;
      explicit.add("text-hash-threshold");
      return this;
    }

    /** Tier boundaries in characters: small below the first, medium below the second, large below the third. */
    public Builder textTiers(int small, int medium, int large) {
      if (small <= 0 || medium <= small || large <= medium) {
        throw new IllegalArgumentException("textTiers = [" + small + ", " + medium + ", " + large
            + "] must be positive and increasing");
      }
      this.smallBelow = small;
      this.mediumBelow = medium;
      this.largeBelow = large;
      explicit.add("text-size-tiers");
      return this;
    }

    /** The model named in keys when none is chosen (default {@code default}). */
    public Builder defaultModel(String model) {
      this.defaultModel = CacheKeyGenerator.checkModel(model);
      explicit.add("default-model");
      return this;
    }

    /** Price of a thousand tokens of models without their own price, for the estimated cost saved. */
    public Builder costPerThousandTokens(double price) {
      if (price < 0 || Double.isNaN(price)) {
        throw new IllegalArgumentException("costPerThousandTokens = " + price + " must be 0 or more");
      }
      this.costPerThousandTokens = price;
      explicit.add("cost-per-thousand-tokens");
      return this;
    }

    /** The settings. */
    public AISettings build() {
      return new AISettings(this);
    }
  }

  static String checkName(String name, String what) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(what + " = '" + name + "' must be 1 to 64 letters, digits, '_', '.' or '-'");
    }
    return name;
  }
}
