package org.stratacache.ai;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model's answer as the cache keeps it: the same on every store, field for field.
 *
 * @param content          the answer text
 * @param model            the model that produced it ({@code ""} when unknown)
 * @param promptTokens     tokens the request cost (0 when unknown); counted as saved on a hit
 * @param completionTokens tokens the answer cost (0 when unknown); counted as saved on a hit
 * @param latencyMillis    how long the model took (0 when unknown; the cache measures it when it calls the model)
 * @param createdAt        when the answer was produced ({@link Instant#EPOCH} when unknown; the cache
 *                         then stamps the time it stores it)
 * @param metadata         text details worth keeping (request id, ...)
 * @param finishReason     why the model stopped ({@code stop}, {@code length}, {@code tool_calls}, ...;
 *                         {@code ""} when unknown)
 * @param data             JSON-compatible structured data (tool calls, a JSON answer, provider details)
 */
public record AIResponse(String content, String model, long promptTokens, long completionTokens, long latencyMillis,
                         Instant createdAt, Map<String, String> metadata, String finishReason, StructuredData data)
    implements Serializable {

  /** Validates and copies. */
  public AIResponse {
    Objects.requireNonNull(content, "content");
    model = model == null ? "" : model;
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    finishReason = finishReason == null ? "" : finishReason;
    data = data == null ? StructuredData.NONE : data;
    if (promptTokens < 0 || completionTokens < 0 || latencyMillis < 0) {
      throw new IllegalArgumentException("token counts and latency must be 0 or more");
    }
  }

  /** An answer without finish reason or structured data. */
  public AIResponse(String content, String model, long promptTokens, long completionTokens, long latencyMillis,
                    Instant createdAt, Map<String, String> metadata) {
    this(content, model, promptTokens, completionTokens, latencyMillis, createdAt, metadata, "", StructuredData.NONE);
  }

  /** An answer with no token or timing information (the cache stamps when it stores it). */
  public static AIResponse of(String content) {
    return builder(content).build();
  }

  /** A builder for an answer of {@code content}. */
  public static Builder builder(String content) {
    return new Builder(content);
  }

  /** A builder holding this answer. */
  public Builder toBuilder() {
    return new Builder(content).model(model).tokens(promptTokens, completionTokens).latencyMillis(latencyMillis)
        .createdAt(createdAt).metadata(metadata).finishReason(finishReason).data(data);
  }

  /** All tokens this answer cost. */
  public long totalTokens() {
    return promptTokens + completionTokens;
  }

  /** How old this answer is at {@code now}. */
  public Duration age(Instant now) {
    return Duration.between(createdAt, now);
  }

  /** This answer with its unknown timing filled in: produced {@code at}, having taken {@code took}. */
  AIResponse withTiming(Instant at, Duration took) {
    if (!createdAt.equals(Instant.EPOCH) && latencyMillis > 0) {
      return this;
    }
    return new AIResponse(content, model, promptTokens, completionTokens,
        latencyMillis > 0 || took == null ? latencyMillis : took.toMillis(),
        createdAt.equals(Instant.EPOCH) ? at : createdAt, metadata, finishReason, data);
  }

  /** Builds an {@link AIResponse}. */
  public static final class Builder {
    private final String content;
    private String model = "";
    private long promptTokens;
    private long completionTokens;
    private long latencyMillis;
    private Instant createdAt = Instant.EPOCH;
    private Map<String, String> metadata = Map.of();
    private String finishReason = "";
    private StructuredData data = StructuredData.NONE;

    private Builder(String content) {
      this.content = Objects.requireNonNull(content, "content");
    }

    /** The model that produced the answer. */
    public Builder model(String id) {
      this.model = id;
      return this;
    }

    /** Token usage: prompt (input) and completion (output) tokens. */
    public Builder tokens(long prompt, long completion) {
      this.promptTokens = prompt;
      this.completionTokens = completion;
      return this;
    }

    /** How long the model took. */
    public Builder latencyMillis(long millis) {
      this.latencyMillis = millis;
      return this;
    }

    /** When the answer was produced. */
    public Builder createdAt(Instant at) {
      this.createdAt = at;
      return this;
    }

    /** Text details. */
    public Builder metadata(Map<String, String> details) {
      this.metadata = details;
      return this;
    }

    /** Why the model stopped. */
    public Builder finishReason(String reason) {
      this.finishReason = reason;
      return this;
    }

    /** Structured data. */
    public Builder data(StructuredData value) {
      this.data = value;
      return this;
    }

    /** Structured data from a JSON-compatible value (see {@link StructuredData#of}). */
    public Builder data(Object value) {
      return data(StructuredData.of(value));
    }

    /** The answer. */
    public AIResponse build() {
      return new AIResponse(content, model, promptTokens, completionTokens, latencyMillis, createdAt, metadata,
          finishReason, data);
    }
  }
}
