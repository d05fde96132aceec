package org.stratacache.examples;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for an LLM behind LangChain4j's {@link ChatModel}: answers after a fixed latency and
 * reports token usage and a finish reason, as a provider's model would.
 */
final class SimulatedModel implements ChatModel {

  private final long latencyMillis;
  private final AtomicInteger calls = new AtomicInteger();

  SimulatedModel(long latencyMillis) {
    this.latencyMillis = latencyMillis;
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return DefaultChatRequestParameters.builder().modelName("simulated-llm").build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    calls.incrementAndGet();
    try {
      Thread.sleep(latencyMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the model was thinking", e);
    }
    String instruction = "";
    String text = "";
    for (var message : request.messages()) {
      if (message instanceof SystemMessage system) {
        instruction = system.text();
      } else if (message instanceof UserMessage user) {
        text = user.singleText();
      }
    }
    String content = instruction + " -> \"" + text.substring(0, Math.min(30, text.length())) + "...\"";
    return ChatResponse.builder().aiMessage(AiMessage.from(content)).modelName(request.modelName())
        .tokenUsage(new TokenUsage(text.length() / 4, 60)).finishReason(FinishReason.STOP).build();
  }

  int calls() {
    return calls.get();
  }
}
