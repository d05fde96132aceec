package org.stratacache.ai.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stratacache.ai.AIResponse;

/**
 * A {@link ChatResponse} as the cache keeps it and back: the AI message's text, thinking and tool
 * execution requests, the response id, model name, token usage and finish reason.
 */
final class ChatResponses {

  private static final String TOOL_CALLS = "tool_calls";
  private static final String THINKING = "thinking";
  private static final String NO_TEXT = "no_text";

  private ChatResponses() {
  }

  /** The answer to keep for {@code response}. */
  static AIResponse toAnswer(ChatResponse response) {
    AiMessage message = response.aiMessage();
    Map<String, Object> data = new LinkedHashMap<>();
    if (message.hasToolExecutionRequests()) {
      List<Map<String, Object>> calls = new ArrayList<>();
      for (ToolExecutionRequest request : message.toolExecutionRequests()) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("id", request.id());
        call.put("name", request.name());
        call.put("arguments", request.arguments());
        calls.add(call);
      }
      data.put(TOOL_CALLS, calls);
    }
    if (message.thinking() != null) {
      data.put(THINKING, message.thinking());
    }
    if (message.text() == null) {
      data.put(NO_TEXT, true);
    }
    TokenUsage usage = response.tokenUsage();
    AIResponse.Builder answer = AIResponse.builder(message.text() == null ? "" : message.text())
        .model(response.modelName())
        .tokens(usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
            usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount())
        .finishReason(reasonName(response.finishReason()))
        .metadata(response.id() == null ? Map.of() : Map.of("id", response.id()));
    return data.isEmpty() ? answer.build() : answer.data(data).build();
  }

  /** The framework's response for a kept answer. */
  static ChatResponse toChatResponse(AIResponse answer) {
    Map<String, Object> data = answer.data().asMap();
    AiMessage.Builder message = AiMessage.builder()
        .text(Boolean.TRUE.equals(data.get(NO_TEXT)) ? null : answer.content());
    if (data.get(THINKING) instanceof String thinking) {
      message.thinking(thinking);
    }
    List<ToolExecutionRequest> requests = toolRequests(data);
    if (!requests.isEmpty()) {
      message.toolExecutionRequests(requests);
    }
    ChatResponse.Builder response = ChatResponse.builder().aiMessage(message.build())
        .id(answer.metadata().get("id"))
        .modelName(answer.model().isEmpty() ? null : answer.model())
        .finishReason(reason(answer.finishReason()));
    if (answer.promptTokens() > 0 || answer.completionTokens() > 0) {
      response.tokenUsage(new TokenUsage((int) answer.promptTokens(), (int) answer.completionTokens()));
    }
    return response.build();
  }

  /** The tool execution requests kept in {@code data}, in order. */
  static List<ToolExecutionRequest> toolRequests(Map<String, Object> data) {
    List<ToolExecutionRequest> requests = new ArrayList<>();
    if (data.get(TOOL_CALLS) instanceof List<?> calls) {
      for (Object element : calls) {
        if (element instanceof Map<?, ?> call) {
          requests.add(ToolExecutionRequest.builder().id((String) call.get("id")).name((String) call.get("name"))
              .arguments((String) call.get("arguments")).build());
        }
      }
    }
    return requests;
  }

  /** The portable name of a finish reason: stop, length, tool_calls, content_filter, other ("" when none). */
  static String reasonName(FinishReason reason) {
    if (reason == null) {
      return "";
    }
    return reason == FinishReason.TOOL_EXECUTION ? TOOL_CALLS : reason.name().toLowerCase(Locale.ROOT);
  }

  static FinishReason reason(String name) {
    return switch (name) {
      case "" -> null;
      case "stop" -> FinishReason.STOP;
      case "length" -> FinishReason.LENGTH;
      case TOOL_CALLS, "tool_execution" -> FinishReason.TOOL_EXECUTION;
      case "content_filter" -> FinishReason.CONTENT_FILTER;
      default -> FinishReason.OTHER;
    };
  }
}
