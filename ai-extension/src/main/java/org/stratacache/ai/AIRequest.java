package org.stratacache.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the AI cache: what is asked (a text or messages, the operation, options, the
 * model, the tenant, a question) makes the key; the controls (a lifetime for this answer,
 * no-store, refresh, max-age) say how the cache treats it and are never part of the key.
 *
 * <pre>{@code
 * AIRequest request = AIRequest.builder().messages(List.of(AIMessage.system("Be brief"), AIMessage.user(question)))
 *     .operation("chat").options(Map.of("temperature", 0.2)).model("gpt-4o-mini")
 *     .maxAge(Duration.ofMinutes(10))
 *     .build();
 * AIResponse answer = ai.getOrCompute(request, () -> llm.chat(question));
 * }</pre>
 *
 * Immutable.
 */
public final class AIRequest {

  /** The operation of requests that name none. */
  public static final String DEFAULT_OPERATION = "chat";

  private final String text;
  private final List<AIMessage> messages;
  private final String operation;
  private final Map<String, ?> options;
  private final String model;
  private final String tenant;
  private final String question;
  private final Duration ttl;
  private final boolean noStore;
  private final boolean refresh;
  private final Duration maxAge;

  private AIRequest(Builder builder) {
    this.text = builder.text;
    this.messages = builder.messages;
    this.operation = AISettings.checkName(builder.operation, "operation");
    this.options = builder.options == null ? Map.of() : builder.options;
    this.model = builder.model == null ? null : CacheKeyGenerator.checkModel(builder.model);
    this.tenant = builder.tenant == null ? null : CacheKeyGenerator.checkTenant(builder.tenant);
    this.question = builder.question;
    this.ttl = builder.ttl;
    this.noStore = builder.noStore;
    this.refresh = builder.refresh;
    this.maxAge = builder.maxAge;
    if ((text == null) == (messages == null)) {
      throw new IllegalArgumentException("a request has either a text or messages");
    }
  }

  /** A request about {@code text} for {@code operation}. */
  public static AIRequest of(String text, String operation) {
    return builder().text(text).operation(operation).build();
  }

  /** A new builder (operation {@value #DEFAULT_OPERATION} unless set). */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.text = text;
    builder.messages = messages;
    return builder.operation(operation).options(options).model(model).tenant(tenant).question(question).ttl(ttl)
        .noStore(noStore).refresh(refresh).maxAge(maxAge);
  }

  /** The text, or {@code null} when the request has messages. */
  public String text() {
    return text;
  }

  /** The messages, or {@code null} when the request has a text. */
  public List<AIMessage> messages() {
    return messages;
  }

  /** The operation. */
  public String operation() {
    return operation;
  }

  /** The options (never {@code null}). */
  public Map<String, ?> options() {
    return options;
  }

  /** The model, or {@code null} for the cache view's. */
  public String model() {
    return model;
  }

  /** The tenant, or {@code null} for the cache view's. */
  public String tenant() {
    return tenant;
  }

  /** A question about the text, or {@code null}. */
  public String question() {
    return question;
  }

  /** The lifetime of this answer, or {@code null} for its operation's. */
  public Duration ttl() {
    return ttl;
  }

  /** Whether the model is called and nothing is read or stored. */
  public boolean noStore() {
    return noStore;
  }

  /** Whether the cached answer is skipped and the model's fresh answer replaces it. */
  public boolean refresh() {
    return refresh;
  }

  /** The oldest cached answer this request accepts, or {@code null} for any. */
  public Duration maxAge() {
    return maxAge;
  }

  /** How many characters the text or the messages' contents have, for the text tiers. */
  public int length() {
    if (text != null) {
      return text.length();
    }
    long length = 0;
    for (AIMessage message : messages) {
      length += message.content().length();
    }
    return (int) Math.min(length, Integer.MAX_VALUE);
  }

  /** Builds an {@link AIRequest}; {@link #build()} checks it. */
  public static final class Builder {
    private String text;
    private List<AIMessage> messages;
    private String operation = DEFAULT_OPERATION;
    private Map<String, ?> options;
    private String model;
    private String tenant;
    private String question;
    private Duration ttl;
    private boolean noStore;
    private boolean refresh;
    private Duration maxAge;

    private Builder() {
    }

    /** The text asked about (instead of messages). */
    public Builder text(String value) {
      this.text = Objects.requireNonNull(value, "text");
      this.messages = null;
      return this;
    }

    /** The conversation (instead of a text). */
    public Builder messages(List<AIMessage> value) {
      this.messages = List.copyOf(value);
      this.text = null;
      return this;
    }

    /** The operation: summarize, qa, chat, ... (its lifetime applies). */
    public Builder operation(String value) {
      this.operation = value;
      return this;
    }

    /** Options that change the answer (temperature, max tokens, tools...): JSON-compatible, part of the key. */
    public Builder options(Map<String, ?> value) {
      this.options = value;
      return this;
    }

    /** The model, instead of the cache view's. */
    public Builder model(String value) {
      this.model = value;
      return this;
    }

    /** The tenant; a tenant view accepts only its own. */
    public Builder tenant(String value) {
      this.tenant = value;
      return this;
    }

    /** A question about the text. */
    public Builder question(String value) {
      this.question = value;
      return this;
    }

    /** The lifetime of this answer instead of its operation's ({@code null}: the operation's). */
    public Builder ttl(Duration value) {
      if (value != null && (value.isNegative() || value.isZero())) {
        throw new IllegalArgumentException("ttl = " + value + " must be positive");
      }
      this.ttl = value;
      return this;
    }

    /** Call the model and store nothing (nor read). */
    public Builder noStore(boolean value) {
      this.noStore = value;
      return this;
    }

    /** Skip the cached answer; store the model's fresh one in its place. */
    public Builder refresh(boolean value) {
      this.refresh = value;
      return this;
    }

    /** Accept a cached answer only when younger than this ({@code null}: any age). */
    public Builder maxAge(Duration value) {
      if (value != null && value.isNegative()) {
        throw new IllegalArgumentException("maxAge = " + value + " must not be negative");
      }
      this.maxAge = value;
      return this;
    }

    /** The request. */
    public AIRequest build() {
      return new AIRequest(this);
    }
  }
}
