package org.stratacache.ai.langchain4j;

import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
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
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Flow;

/**
 * One streaming call to a model as a {@link Flow.Publisher} of its events ({@link PartialResponse},
 * {@link PartialThinking}, {@link PartialToolCall}, {@link CompleteToolCall}, and last the
 * {@link ChatResponse}): the call starts when the one subscriber subscribes, events wait for demand,
 * and a cancel cancels the model's stream when it offered a handle.
 */
final class ModelStream implements Flow.Publisher<Object> {

  private final StreamingChatModel model;
  private final ChatRequest request;
  private final ChatRequestOptions options;

  ModelStream(StreamingChatModel model, ChatRequest request, ChatRequestOptions options) {
    this.model = model;
    this.request = request;
    this.options = options;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super Object> subscriber) {
    Relay relay = new Relay(subscriber);
    subscriber.onSubscribe(relay);
    try {
      model.chat(request, options, relay);
    } catch (RuntimeException e) {
      relay.onError(e);
    }
  }

  /** The handler the model calls and the subscription its subscriber holds. */
  private static final class Relay implements StreamingChatResponseHandler, Flow.Subscription {
    private final Flow.Subscriber<? super Object> subscriber;
    private final Queue<Object> pending = new ArrayDeque<>();
    private long demand;
    private boolean ended;
    private Throwable failure;
    private boolean cancelled;
    private boolean draining;
    private StreamingHandle handle;

    Relay(Flow.Subscriber<? super Object> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void onPartialResponse(String partialResponse) {
      offer(new PartialResponse(partialResponse));
    }

    @Override
    public void onPartialResponse(PartialResponse partialResponse, PartialResponseContext context) {
      keep(context.streamingHandle());
      offer(partialResponse);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking) {
      offer(partialThinking);
    }

    @Override
    public void onPartialThinking(PartialThinking partialThinking, PartialThinkingContext context) {
      keep(context.streamingHandle());
      offer(partialThinking);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall) {
      offer(partialToolCall);
    }

    @Override
    public void onPartialToolCall(PartialToolCall partialToolCall, PartialToolCallContext context) {
      keep(context.streamingHandle());
      offer(partialToolCall);
    }

    @Override
    public void onCompleteToolCall(CompleteToolCall completeToolCall) {
      offer(completeToolCall);
    }

    @Override
    public void onCompleteResponse(ChatResponse completeResponse) {
      synchronized (this) {
        if (ended) {
          return;
        }
        pending.add(completeResponse);
        ended = true;
      }
      drain();
    }

    @Override
    public void onError(Throwable error) {
      synchronized (this) {
        if (ended) {
          return;
        }
        failure = error;
        ended = true;
      }
      drain();
    }

    @Override
    public void request(long n) {
      synchronized (this) {
        if (n <= 0) {
          failure = new IllegalArgumentException("request(" + n + "): demand must be positive");
          ended = true;
          pending.clear();
        } else {
          demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
        }
      }
      drain();
    }

    @Override
    public void cancel() {
      StreamingHandle toCancel;
      synchronized (this) {
        cancelled = true;
        pending.clear();
        toCancel = handle;
      }
      if (toCancel != null && !toCancel.isCancelled()) {
        toCancel.cancel();
      }
    }

    private void keep(StreamingHandle streamingHandle) {
      boolean cancelNow;
      synchronized (this) {
        if (handle == null) {
          handle = streamingHandle;
        }
        cancelNow = cancelled && streamingHandle != null && !streamingHandle.isCancelled();
      }
      if (cancelNow) {
        streamingHandle.cancel();
      }
    }

    private void offer(Object event) {
      synchronized (this) {
        if (ended || cancelled) {
          return;
        }
        pending.add(event);
      }
      drain();
    }

    /** Delivers what is due, on one thread at a time. */
    private void drain() {
      while (true) {
        Object next;
        boolean complete = false;
        Throwable error = null;
        synchronized (this) {
          if (draining || cancelled) {
            return;
          }
          if (!pending.isEmpty() && demand > 0) {
            next = pending.poll();
            demand--;
          } else if (pending.isEmpty() && ended) {
            next = null;
            complete = failure == null;
            error = failure;
            cancelled = true;  // terminal: nothing more is delivered
          } else {
            return;
          }
          draining = true;
        }
        try {
          if (next != null) {
            subscriber.onNext(next);
          } else if (complete) {
            subscriber.onComplete();
          } else {
            subscriber.onError(error);
          }
        } finally {
          synchronized (this) {
            draining = false;
          }
        }
      }
    }
  }
}
