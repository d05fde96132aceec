package org.stratacache.ai.springai;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * An in-process Spring AI model: numbered answers to the last user message (JSON when asked for
 * JSON, a tool call when asked to use a tool), and streams of {@code chunks} chunks from a thread of
 * its own, optionally failing at one; counts calls and streams.
 */
final class ScriptedChatModel implements ChatModel {

  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger streams = new AtomicInteger();
  final CountDownLatch upstreamCancelled = new CountDownLatch(1);
  private final int chunks;
  private final int failAt;
  volatile CountDownLatch gate = new CountDownLatch(0);

  ScriptedChatModel(int chunks, int failAt) {
    this.chunks = chunks;
    this.failAt = failAt;
  }

  ScriptedChatModel() {
    this(50, -1);
  }

  static List<String> chunks(int count) {
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      chunks.add("chunk " + i + ". ");
    }
    return chunks;
  }

  @Override
  public ChatOptions getOptions() {
    return ToolCallingChatOptions.builder().model("scripted-1").temperature(0.7).build();
  }

  @Override
  public ChatResponse call(Prompt prompt) {
    int call = calls.incrementAndGet();
    List<Message> messages = prompt.getInstructions();
    Message last = messages.get(messages.size() - 1);
    String model = prompt.getOptions() == null ? null : prompt.getOptions().getModel();
    if (last instanceof ToolResponseMessage tool) {
      return response("It is " + tool.getResponses().get(0).responseData() + " (answer " + call + ")", List.of(),
          "STOP", call, model);
    }
    String user = last instanceof UserMessage message ? message.getText() : "";
    if (user.startsWith("Use the tool")) {
      return response("", List.of(new AssistantMessage.ToolCall("call-" + call, "function", "weather",
          "{\"city\":\"Zürich\"}")), "TOOL_CALLS", call, model);
    }
    if (user.contains("JSON")) {
      return response("{\"city\":\"Zürich\",\"summary\":\"answer " + call + "\"}", List.of(), "STOP", call, model);
    }
    return response("answer " + call + " to " + user, List.of(), "STOP", call, model);
  }

  private static ChatResponse response(String text, List<AssistantMessage.ToolCall> toolCalls, String finish,
                                       int call, String model) {
    AssistantMessage message = AssistantMessage.builder().content(text).toolCalls(toolCalls).build();
    return ChatResponse.builder()
        .generations(List.of(new Generation(message, ChatGenerationMetadata.builder().finishReason(finish).build())))
        .metadata(ChatResponseMetadata.builder().id("resp-" + call).model(model)
            .usage(new DefaultUsage(40 + call, 10)).build())
        .build();
  }

  @Override
  public Flux<ChatResponse> stream(Prompt prompt) {
    return Flux.create(sink -> {
      streams.incrementAndGet();
      Thread producer = new Thread(() -> produce(sink), "scripted-spring-ai-model");
      producer.setDaemon(true);
      producer.start();
    });
  }

  private void produce(FluxSink<ChatResponse> sink) {
    boolean[] cancelled = new boolean[1];
    sink.onCancel(() -> {
      cancelled[0] = true;
      upstreamCancelled.countDown();
    });
    try {
      gate.await();
      List<String> texts = chunks(chunks);
      for (int i = 0; i < chunks; i++) {
        if (cancelled[0] || sink.isCancelled()) {
          return;
        }
        if (i == failAt) {
          sink.error(new IOException("model broke at chunk " + i));
          return;
        }
        boolean lastChunk = i == chunks - 1;
        AssistantMessage message = new AssistantMessage(texts.get(i));
        ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder().id("stream-" + streams.get())
            .model("scripted-1");
        if (lastChunk) {
          metadata.usage(new DefaultUsage(30, chunks));
        }
        sink.next(ChatResponse.builder().generations(List.of(new Generation(message,
            ChatGenerationMetadata.builder().finishReason(lastChunk ? "STOP" : null).build())))
            .metadata(metadata.build()).build());
        Thread.sleep(1);
      }
      sink.complete();
    } catch (InterruptedException e) {
      sink.error(e);
    }
  }
}
