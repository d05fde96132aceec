package org.stratacache.ai.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.langchain4j.model.chat.response.PartialThinkingContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.function.UnaryOperator;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.AIResponseCache;

/**
 * A {@link StreamingChatModel} that replays an answer it has streamed before from the AI cache
 * (its text as one partial response, its tool calls, then the {@link ChatResponse}) and otherwise
 * passes the wrapped model's events through as they come. The answer is stored only when the model's
 * stream completes; never after an error or when the handler cancelled through its
 * {@link StreamingHandle}. Identical concurrent requests share one model stream and every handler
 * receives every event, in order. Keyed like {@link CachingChatModel}. Thread-safe.
 *
 * <pre>{@code
 * StreamingChatModel model = CachingStreamingChatModel.wrap(openAiStreamingModel, ai);
 * model.chat(request, handler);
 * }</pre>
 */
public final class CachingStreamingChatModel implements StreamingChatModel {

  private final StreamingChatModel delegate;
  private final AIResponseCache cache;
  private final ChatRequestKeys keys;

  private CachingStreamingChatModel(StreamingChatModel delegate, AIResponseCache cache, ChatRequestKeys keys) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.keys = keys;
  }

  /** {@code delegate} streaming through {@code cache}, for operation {@value AIRequest#DEFAULT_OPERATION}. */
  public static CachingStreamingChatModel wrap(StreamingChatModel delegate, AIResponseCache cache) {
    return wrap(delegate, cache, AIRequest.DEFAULT_OPERATION);
  }

  /** {@code delegate} streaming through {@code cache}; answers live as long as {@code operation}'s. */
  public static CachingStreamingChatModel wrap(StreamingChatModel delegate, AIResponseCache cache, String operation) {
    return new CachingStreamingChatModel(delegate, cache,
        new ChatRequestKeys(operation, delegate.getClass().getName(), UnaryOperator.identity()));
  }

  /** A view whose requests also carry {@code controls}, as {@link CachingChatModel#withControls}. */
  public CachingStreamingChatModel withControls(UnaryOperator<AIRequest.Builder> controls) {
    return new CachingStreamingChatModel(delegate, cache, keys.with(controls));
  }

  /** The AI request {@code request} is cached under. */
  public AIRequest cacheRequest(ChatRequest request) {
    return keys.of(request, delegate.defaultRequestParameters());
  }

  @Override
  public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
    chat(request, ChatRequestOptions.EMPTY, handler);
  }

  @Override
  public void chat(ChatRequest request, ChatRequestOptions options, StreamingChatResponseHandler handler) {
    Objects.requireNonNull(handler, "handler");
    Flow.Publisher<Object> events;
    try {
      events = cache.getOrComputeStream(cacheRequest(request), ChatStreamFormat.INSTANCE,
          () -> new ModelStream(delegate, request, options));
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    events.subscribe(new HandlerSubscriber(handler));
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

  /** Hands the events to a LangChain4j handler; the handler's streaming handle cancels. */
  private static final class HandlerSubscriber implements Flow.Subscriber<Object>, StreamingHandle {
    private final StreamingChatResponseHandler handler;
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;
    private ChatResponse response;

    HandlerSubscriber(StreamingChatResponseHandler handler) {
      this.handler = handler;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (cancelled) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(Object event) {
      if (cancelled) {
        return;
      }
      try {
        if (event instanceof PartialResponse partial) {
          handler.onPartialResponse(partial, new PartialResponseContext(this));
        } else if (event instanceof PartialThinking thinking) {
          handler.onPartialThinking(thinking, new PartialThinkingContext(this));
        } else if (event instanceof PartialToolCall toolCall) {
          handler.onPartialToolCall(toolCall, new PartialToolCallContext(this));
        } else if (event instanceof CompleteToolCall toolCall) {
          handler.onCompleteToolCall(toolCall);
        } else if (event instanceof ChatResponse complete) {
          response = complete;
        }
      } catch (RuntimeException e) {
        // the handler broke: the stream stops here for it, and it hears why
        cancel();
        handler.onError(e);
      }
    }

    @Override
    public void onError(Throwable failure) {
      if (!cancelled) {
        handler.onError(failure);
      }
    }

    @Override
    public void onComplete() {
      if (!cancelled) {
        handler.onCompleteResponse(response);
      }
    }

    @Override
    public void cancel() {
      cancelled = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }
}
