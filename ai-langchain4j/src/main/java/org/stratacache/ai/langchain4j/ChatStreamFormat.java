package org.stratacache.ai.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import java.util.ArrayList;
import java.util.List;
import org.stratacache.ai.AIResponse;
import org.stratacache.ai.StreamFormat;

/**
 * A model's stream of events as an answer: the final {@link ChatResponse} is kept; a hit replays
 * the text as one {@link PartialResponse}, each tool call as a {@link CompleteToolCall}, then the response.
 */
final class ChatStreamFormat implements StreamFormat<Object> {

  static final ChatStreamFormat INSTANCE = new ChatStreamFormat();

  private ChatStreamFormat() {
  }

  @Override
  public AIResponse assemble(List<Object> chunks) {
    StringBuilder text = new StringBuilder();
    for (Object chunk : chunks) {
      if (chunk instanceof ChatResponse response) {
        return ChatResponses.toAnswer(response);
      }
      if (chunk instanceof PartialResponse partial) {
        text.append(partial.text());
      }
    }
    return AIResponse.of(text.toString());
  }

  @Override
  public List<Object> replay(AIResponse answer) {
    ChatResponse response = ChatResponses.toChatResponse(answer);
    List<Object> chunks = new ArrayList<>();
    String text = response.aiMessage().text();
    if (text != null && !text.isEmpty()) {
      chunks.add(new PartialResponse(text));
    }
    List<ToolExecutionRequest> calls = response.aiMessage().toolExecutionRequests();
    for (int i = 0; i < calls.size(); i++) {
      chunks.add(new CompleteToolCall(i, calls.get(i)));
    }
    chunks.add(response);
    return chunks;
  }
}
