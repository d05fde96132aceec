package org.stratacache.ai.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.AIResponseCache;

/**
 * A {@link ChatModel} that answers a request it has answered before from the AI cache, as a
 * {@link ChatResponse} with the same text, tool execution requests, token usage, finish reason,
 * id and model name; any other request goes to the wrapped model, whose answer is cached.
 *
 * <pre>{@code
 * ChatModel model = CachingChatModel.wrap(openAiModel, ai);
 * ChatResponse answer = model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build());
 * ChatModel fresh = ((CachingChatModel) model).withControls(request -> request.refresh(true));
 * }</pre>
 *
 * <p>The key is the whole request: every message, and the parameters in effect (the request's over
 * the model's defaults), tools and response format included. Identical concurrent requests make one
 * model call. The cache fails open: when its store is unreachable the model answers. The wrapped
 * model's listeners see the model calls, not the hits. Thread-safe.
 */
public final class CachingChatModel implements ChatModel {

  private final ChatModel delegate;
  private final AIResponseCache cache;
  private final ChatRequestKeys keys;

  private CachingChatModel(ChatModel delegate, AIResponseCache cache, ChatRequestKeys keys) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.keys = keys;
  }

  /** {@code delegate} answering through {@code cache}, for operation {@value AIRequest#DEFAULT_OPERATION}. */
  public static CachingChatModel wrap(ChatModel delegate, AIResponseCache cache) {
    return wrap(delegate, cache, AIRequest.DEFAULT_OPERATION);
  }

  /** {@code delegate} answering through {@code cache}; answers live as long as {@code operation}'s. */
  public static CachingChatModel wrap(ChatModel delegate, AIResponseCache cache, String operation) {
    return new CachingChatModel(delegate, cache,
        new ChatRequestKeys(operation, delegate.getClass().getName(), UnaryOperator.identity()));
  }

  /**
   * A view whose requests also carry {@code controls} (a lifetime, no-store, refresh, max-age, a
   * tenant), e.g. {@code withControls(r -> r.maxAge(Duration.ofMinutes(5)))}; the controls are
   * never part of the key.
   */
  public CachingChatModel withControls(UnaryOperator<AIRequest.Builder> controls) {
    return new CachingChatModel(delegate, cache, keys.with(controls));
  }

  /** The AI request {@code request} is cached under. */
  public AIRequest cacheRequest(ChatRequest request) {
    return keys.of(request, delegate.defaultRequestParameters());
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return chat(request, ChatRequestOptions.EMPTY);
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
    AtomicReference<ChatResponse> fresh = new AtomicReference<>();
    AIResponse answer = cache.getOrCompute(cacheRequest(request), () -> {
      ChatResponse response = delegate.chat(request, options);
      fresh.set(response);
      return ChatResponses.toAnswer(response);
    });
    ChatResponse own = fresh.get();
    return own != null ? own : ChatResponses.toChatResponse(answer);
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return delegate.defaultRequestParameters();
  }

  @Override
  public ModelProvider provider() {
    return delegate.provider();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return delegate.supportedCapabilities();
  }
}
