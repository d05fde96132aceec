package org.stratacache.ai.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-process model: numbered answers to the last user message, a tool call when tools are offered; counts calls. */
final class ScriptedChatModel implements ChatModel {

  final AtomicInteger calls = new AtomicInteger();

  static String lastUserText(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        return user.singleText();
      }
    }
    return "";
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder().modelName("scripted-1").temperature(0.7).build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    int call = calls.incrementAndGet();
    String text = "answer " + call + " to " + lastUserText(request.messages());
    AiMessage message;
    FinishReason reason = FinishReason.STOP;
    if (request.toolSpecifications() != null && !request.toolSpecifications().isEmpty()) {
      message = AiMessage.from(text, List.of(ToolExecutionRequest.builder().id("call-" + call)
          .name(request.toolSpecifications().get(0).name()).arguments("{\"city\":\"Zürich\"}").build()));
      reason = FinishReason.TOOL_EXECUTION;
    } else {
      message = AiMessage.from(text);
    }
    return ChatResponse.builder().aiMessage(message).id("resp-" + call).modelName(request.modelName())
        .tokenUsage(new TokenUsage(40 + call, 10)).finishReason(reason).build();
  }
}
