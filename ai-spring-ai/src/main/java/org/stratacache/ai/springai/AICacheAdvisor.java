package org.stratacache.ai.springai;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.core.Ordered;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A {@code ChatClient} advisor that answers a prompt it has seen before from the AI cache, as Spring
 * AI's own {@code ChatResponse} (text, tool calls, finish reason, id, model, token usage), for calls
 * and for streams; any other prompt goes on down the chain and its answer is cached.
 *
 * <pre>{@code
 * ChatClient client = ChatClient.builder(chatModel).defaultAdvisors(AICacheAdvisor.builder(ai).build()).build();
 * String answer = client.prompt().system("Be brief").user(question).call().content();
 * client.prompt().user(question).advisors(a -> a.param(AICacheAdvisor.REFRESH, true)).call().content();
 * }</pre>
 *
 * <p>The key is the whole prompt as it reaches this advisor: every message, the tool definitions,
 * the chat options and model, and the output format the client asks for. By default it runs last,
 * next to the model, so it sees what memory and other advisors added and caches each model call.
 * The per-request controls are advisor parameters ({@link #TTL}, {@link #NO_STORE}, {@link #REFRESH},
 * {@link #MAX_AGE}, {@link #TENANT}), never part of the key. A stream's answer is stored only when
 * it completes; identical concurrent prompts make one model call (or stream). The cache fails open:
 * when its store is unreachable the model answers. Thread-safe.
 */
public final class AICacheAdvisor implements CallAdvisor, StreamAdvisor {

  /** Advisor parameter: the lifetime of this answer ({@code Duration}, or ISO-8601 text such as {@code PT10M}). */
  public static final String TTL = "strata.ai.ttl";
  /** Advisor parameter: {@code true} calls the model and stores nothing. */
  public static final String NO_STORE = "strata.ai.no-store";
  /** Advisor parameter: {@code true} skips the cached answer and stores the fresh one. */
  public static final String REFRESH = "strata.ai.refresh";
  /** Advisor parameter: accept a cached answer only when younger ({@code Duration} or ISO-8601 text). */
  public static final String MAX_AGE = "strata.ai.max-age";
  /** Advisor parameter: the tenant whose answers this request reads and writes. */
  public static final String TENANT = "strata.ai.tenant";

  /** The default order: just before the model call, after memory, tool calling and other advisors. */
  public static final int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

  private final AIResponseCache cache;
  private final PromptKeys keys;
  private final int order;

  private AICacheAdvisor(AIResponseCache cache, String operation, int order) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.keys = new PromptKeys(operation);
    this.order = order;
  }

  /** A builder of an advisor answering through {@code cache}. */
  public static Builder builder(AIResponseCache cache) {
    return new Builder(cache);
  }

  /** The AI request {@code request} is cached under. */
  public AIRequest cacheRequest(ChatClientRequest request) {
    return keys.of(request);
  }

  @Override
  public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
    AtomicReference<ChatClientResponse> fresh = new AtomicReference<>();
    AIResponse answer;
    try {
      answer = cache.getOrCompute(cacheRequest(request), () -> {
        ChatClientResponse response = chain.nextCall(request);
        fresh.set(response);
        if (response.chatResponse() == null) {
          throw new Uncacheable(response);
        }
        return ChatResponses.toAnswer(response.chatResponse());
      });
    } catch (Uncacheable e) {
      return e.response;
    }
    ChatClientResponse own = fresh.get();
    if (own != null) {
      return own;
    }
    return ChatClientResponse.builder().chatResponse(ChatResponses.toChatResponse(answer))
        .context(new HashMap<>(request.context())).build();
  }

  @Override
  public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
    return Flux.defer(() -> {
      Flow.Publisher<ChatClientResponse> chunks = cache.getOrComputeStream(cacheRequest(request),
          ChatStreamFormat.INSTANCE, () -> JdkFlowAdapter.publisherToFlowPublisher(chain.nextStream(request)));
      return JdkFlowAdapter.flowPublisherToFlux(chunks).map(chunk -> withContext(chunk, request.context()));
    }).subscribeOn(Schedulers.boundedElastic());  // the cache lookup may wait on Redis: not on an event loop
  }

  /** {@code chunk} carrying the request's context (a replayed or shared chunk has another's or none). */
  private static ChatClientResponse withContext(ChatClientResponse chunk, Map<String, Object> context) {
    if (chunk.context().equals(context)) {
      return chunk;
    }
    Map<String, Object> merged = new HashMap<>(chunk.context());
    merged.putAll(context);
    return chunk.mutate().context(merged).build();
  }

  @Override
  public String getName() {
    return "StrataAICacheAdvisor";
  }

  @Override
  public int getOrder() {
    return order;
  }

  /** A response the chain gave without a chat response: returned, not cached. */
  private static final class Uncacheable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient ChatClientResponse response;

    Uncacheable(ChatClientResponse response) {
      super("no chat response to cache", null, false, false);
      this.response = response;
    }
  }

  /** Builds an {@link AICacheAdvisor}. */
  public static final class Builder {
    private final AIResponseCache cache;
    private String operation = AIRequest.DEFAULT_OPERATION;
    private int order = DEFAULT_ORDER;

    private Builder(AIResponseCache cache) {
      this.cache = cache;
    }

    /** The operation whose lifetime the answers get ({@value AIRequest#DEFAULT_OPERATION} unless set). */
    public Builder operation(String value) {
      this.operation = value;
      return this;
    }

    /** Where the advisor runs in the chain ({@link #DEFAULT_ORDER} unless set). */
    public Builder order(int value) {
      this.order = value;
      return this;
    }

    /** The advisor. */
    public AICacheAdvisor build() {
      return new AICacheAdvisor(cache, operation, order);
    }
  }
}
