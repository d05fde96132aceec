package org.stratacache.ai.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process streaming model: {@code count} chunks from its own thread, optionally failing at one; counts streams. */
final class ScriptedStreamingChatModel implements StreamingChatModel {

  final AtomicInteger streams = new AtomicInteger();
  final CountDownLatch upstreamCancelled = new CountDownLatch(1);
  private final int count;
  private final int failAt;
  volatile CountDownLatch gate = new CountDownLatch(0);

  ScriptedStreamingChatModel(int count, int failAt) {
    this.count = count;
    this.failAt = failAt;
  }

  static List<String> chunks(int count) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add("chunk " + i + ". ");
    }
    return chunks;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder().modelName("scripted-stream-1").build();
  }

  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    streams.incrementAndGet();
    Handle handle = new Handle();
    Thread producer = new Thread(() -> {
      try {
        gate.await();
        List<String> chunks = chunks(count);
        for (int i = 0; i < count; i++) {
          if (handle.cancelled) {
            return;
          }
          if (i == failAt) {
            handler.onError(new IOException("model broke at chunk " + i));
            return;
          }
          handler.onPartialResponse(new PartialResponse(chunks.get(i)), new PartialResponseContext(handle));
          Thread.sleep(1);
        }
        handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(String.join("", chunks)))
            .id("stream-" + streams.get()).modelName(request.modelName()).tokenUsage(new TokenUsage(30, count))
            .finishReason(FinishReason.STOP).build());
      } catch (InterruptedException e) {
        handler.onError(e);
      }
    }, "scripted-streaming-model");
    producer.setDaemon(true);
    producer.start();
  }

  /** The model's side of a cancel. */
  private final class Handle implements StreamingHandle {
    volatile boolean cancelled;

    @Override
    public void cancel() {
      cancelled = true;
      upstreamCancelled.countDown();
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }
  }
}
