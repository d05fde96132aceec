package org.stratacache.ai.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.stratacache.ai.AIResponse;

/**
 * A Spring AI {@link ChatResponse} as the cache keeps it and back: each generation's text, tool calls
 * and finish reason, and the response's id, model and token usage.
 */
final class ChatResponses {

  private static final String GENERATIONS = "generations";
  private static final String TOOL_CALLS = "tool_calls";
  private static final String TEXT = "text";
  private static final String FINISH = "finish_reason";

  private ChatResponses() {
  }

  static Map<String, Object> toolCall(AssistantMessage.ToolCall call) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("id", call.id());
    one.put("type", call.type());
    one.put("name", call.name());
    one.put("arguments", call.arguments());
    return one;
  }

  /** The answer to keep for {@code response}. */
  static AIResponse toAnswer(ChatResponse response) {
    List<Object> generations = new ArrayList<>();
    for (Generation generation : response.getResults()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put(TEXT, generation.getOutput().getText());
      one.put(FINISH, generation.getMetadata().getFinishReason());
      List<Map<String, Object>> calls = new ArrayList<>();
      for (AssistantMessage.ToolCall call : generation.getOutput().getToolCalls()) {
        calls.add(toolCall(call));
      }
      one.put(TOOL_CALLS, calls);
      generations.add(one);
    }
    Generation first = response.getResult();
    String text = first == null ? null : first.getOutput().getText();
    String finish = first == null ? null : first.getMetadata().getFinishReason();
    ChatResponseMetadata metadata = response.getMetadata();
    Usage usage = metadata.getUsage();
    Map<String, String> details = new LinkedHashMap<>();
    if (metadata.getId() != null && !metadata.getId().isEmpty()) {
      details.put("id", metadata.getId());
    }
    return AIResponse.builder(text == null ? "" : text)
        .model(metadata.getModel())
        .tokens(tokens(usage == null ? null : usage.getPromptTokens()),
            tokens(usage == null ? null : usage.getCompletionTokens()))
        .finishReason(finish)
        .metadata(details)
        .data(Map.of(GENERATIONS, generations))
        .build();
  }

  /** The framework's response for a kept answer. */
  static ChatResponse toChatResponse(AIResponse answer) {
    List<Generation> generations = new ArrayList<>();
    Object kept = answer.data().asMap().get(GENERATIONS);
    if (kept instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> one) {
          generations.add(generation((String) one.get(TEXT), (String) one.get(FINISH), one.get(TOOL_CALLS)));
        }
      }
    } else {
      generations.add(generation(answer.content(), answer.finishReason().isEmpty() ? null : answer.finishReason(),
          null));
    }
    ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
        .usage(new DefaultUsage((int) answer.promptTokens(), (int) answer.completionTokens()));
    if (answer.metadata().containsKey("id")) {
      metadata.id(answer.metadata().get("id"));
    }
    if (!answer.model().isEmpty()) {
      metadata.model(answer.model());
    }
    return ChatResponse.builder().generations(generations).metadata(metadata.build()).build();
  }

  private static Generation generation(String text, String finishReason, Object calls) {
    List<AssistantMessage.ToolCall> toolCalls = new ArrayList<>();
    if (calls instanceof List<?> list) {
      for (Object element : list) {
        if (element instanceof Map<?, ?> call) {
          toolCalls.add(new AssistantMessage.ToolCall((String) call.get("id"), (String) call.get("type"),
              (String) call.get("name"), (String) call.get("arguments")));
        }
      }
    }
    AssistantMessage message = AssistantMessage.builder().content(text).toolCalls(toolCalls).build();
    return new Generation(message, ChatGenerationMetadata.builder().finishReason(finishReason).build());
  }

  private static long tokens(Integer count) {
    return count == null || count < 0 ? 0 : count;
  }
}
