package org.stratacache.ai.springai;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.StreamFormat;

/**
 * A streamed answer as chunks of {@link ChatClientResponse}: assembled into one answer (the texts
 * joined, the tool calls gathered, the last finish reason, id, model and usage seen), replayed as
 * one chunk holding the whole response.
 */
final class ChatStreamFormat implements StreamFormat<ChatClientResponse> {

  static final ChatStreamFormat INSTANCE = new ChatStreamFormat();

  private ChatStreamFormat() {
  }

  @Override
  public AIResponse assemble(List<ChatClientResponse> chunks) {
    StringBuilder text = new StringBuilder();
    List<Map<String, Object>> calls = new ArrayList<>();
    String finish = null;
    String id = null;
    String model = null;
    Usage usage = null;
    for (ChatClientResponse chunk : chunks) {
      ChatResponse response = chunk.chatResponse();
      if (response == null) {
        continue;
      }
      for (Generation generation : response.getResults()) {
        if (generation.getOutput().getText() != null) {
          text.append(generation.getOutput().getText());
        }
        for (AssistantMessage.ToolCall call : generation.getOutput().getToolCalls()) {
          calls.add(ChatResponses.toolCall(call));
        }
        if (generation.getMetadata().getFinishReason() != null) {
          finish = generation.getMetadata().getFinishReason();
        }
      }
      ChatResponseMetadata metadata = response.getMetadata();
      id = metadata.getId() == null || metadata.getId().isEmpty() ? id : metadata.getId();
      model = metadata.getModel() == null || metadata.getModel().isEmpty() ? model : metadata.getModel();
      Usage seen = metadata.getUsage();
      if (seen != null && count(seen.getPromptTokens()) + count(seen.getCompletionTokens()) > 0) {
        usage = seen;
      }
    }
    Map<String, Object> generation = new LinkedHashMap<>();
    generation.put("text", text.toString());
    generation.put("finish_reason", finish);
    generation.put("tool_calls", calls);
    return AIResponse.builder(text.toString()).model(model)
        .tokens(usage == null ? 0 : count(usage.getPromptTokens()),
            usage == null ? 0 : count(usage.getCompletionTokens()))
        .finishReason(finish).metadata(id == null ? Map.of() : Map.of("id", id))
        .data(Map.of("generations", List.of(generation))).build();
  }

  private static long count(Integer tokens) {
    return tokens == null || tokens < 0 ? 0 : tokens;
  }

  @Override
  public List<ChatClientResponse> replay(AIResponse answer) {
    return List.of(ChatClientResponse.builder().chatResponse(ChatResponses.toChatResponse(answer)).context(Map.of())
        .build());
  }
}
