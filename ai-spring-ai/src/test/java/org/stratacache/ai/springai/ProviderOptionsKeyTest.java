package org.stratacache.ai.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.stratacache.ai.AIResponseCache;
import org.stratacache.ai.AIResponseCacheConfiguration;

/**
 * A provider's own options class, like OpenAI's, has no {@code toString}: the key reads its
 * properties instead, so equal options in new objects are one key, a changed seed or response
 * format is another, and connection settings such as the API key are not keyed.
 */
class ProviderOptionsKeyTest {

  private final CacheManager manager = Caching.getCachingProvider().getCacheManager(
      URI.create("test:provider-options"), getClass().getClassLoader());
  private final AIResponseCache ai = manager.createCache("answers", AIResponseCacheConfiguration.defaults())
      .unwrap(AIResponseCache.class);
  private final AICacheAdvisor advisor = AICacheAdvisor.builder(ai).build();

  @AfterEach
  void close() {
    manager.close();
  }

  /** Nested like OpenAI's response format: a class with neither toString nor equals. */
  static final class Format {
    private final String type;

    Format(String type) {
      this.type = type;
    }

    public String getType() {
      return type;
    }
  }

  /** Shaped like a provider's options: no toString, its own properties, connection settings. */
  static final class VendorOptions implements ChatOptions {
    private final Integer seed;
    private final String apiKey;
    private final Format format;
    private final Map<String, Object> extraBody;

    VendorOptions(Integer seed, String apiKey, String format) {
      this.seed = seed;
      this.apiKey = apiKey;
      this.format = new Format(format);
      this.extraBody = Map.of("reasoning", Map.of("effort", "low"));
    }

    public Integer getSeed() {
      return seed;
    }

    public String getApiKey() {
      return apiKey;
    }

    public Format getResponseFormat() {
      return format;
    }

    public Map<String, Object> getExtraBody() {
      return extraBody;
    }

    @Override
    public String getModel() {
      return "vendor-model";
    }

    @Override
    public Double getFrequencyPenalty() {
      return null;
    }

    @Override
    public Integer getMaxTokens() {
      return 100;
    }

    @Override
    public Double getPresencePenalty() {
      return null;
    }

    @Override
    public List<String> getStopSequences() {
      return null;
    }

    @Override
    public Double getTemperature() {
      return 0.2;
    }

    @Override
    public Integer getTopK() {
      return null;
    }

    @Override
    public Double getTopP() {
      return null;
    }

    @Override
    public ChatOptions.Builder<?> mutate() {
      throw new UnsupportedOperationException("not needed here");
    }
  }

  private String keyOf(VendorOptions options) {
    return ai.keyFor(advisor.cacheRequest(new ChatClientRequest(new Prompt(List.of(new UserMessage("Hi")), options),
        Map.of())));
  }

  @Test
  void equalOptionsInNewObjectsAreOneKeyAndTheirOwnPropertiesAreKeyed() {
    String key = keyOf(new VendorOptions(7, "sk-one", "json_object"));
    assertThat(keyOf(new VendorOptions(7, "sk-one", "json_object"))).isEqualTo(key);
    assertThat(keyOf(new VendorOptions(7, "sk-rotated", "json_object"))).as("the API key is not keyed")
        .isEqualTo(key);
    assertThat(keyOf(new VendorOptions(8, "sk-one", "json_object"))).as("another seed").isNotEqualTo(key);
    assertThat(keyOf(new VendorOptions(7, "sk-one", "text"))).as("another response format").isNotEqualTo(key);
  }
}
