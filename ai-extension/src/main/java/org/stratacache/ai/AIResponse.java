package org.stratacache.ai;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model's answer as the cache keeps it.
 *
 * @param content          the answer text
 * @param model            the model that produced it
 * @param promptTokens     tokens the request cost (0 when unknown); counted as saved on a hit
 * @param completionTokens tokens the answer cost (0 when unknown); counted as saved on a hit
 * @param latencyMillis    how long the model took (0 when unknown); counted as saved on a hit
 * @param createdAt        when the answer was produced
 * @param metadata         anything else worth keeping (finish reason, request id, ...)
 */
public record AIResponse(String content, String model, long promptTokens, long completionTokens, long latencyMillis,
                         Instant createdAt, Map<String, String> metadata) implements Serializable {

  /** Validates and copies. */
  public AIResponse {
    Objects.requireNonNull(content, "content");
    model = model == null ? "" : model;
    createdAt = createdAt == null ? Instant.EPOCH : createdAt;
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** An answer with no token or timing information. */
  public static AIResponse of(String content) {
    return new AIResponse(content, "", 0, 0, 0, Instant.now(), Map.of());
  }

  /** All tokens this answer cost. */
  public long totalTokens() {
    return promptTokens + completionTokens;
  }
}
