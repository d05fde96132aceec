package org.stratacache.ai.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.stratacache.ai.AIMessage;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.StructuredData;

/**
 * What of a {@link ChatRequest} decides the answer, as an {@link AIRequest}: every message in full
 * (its JSON form), the parameters in effect (the request's over the model's defaults: model,
 * temperature, top-p/k, penalties, max output tokens, stop sequences, tool specifications, tool
 * choice, response format, and the provider's own parameters).
 */
final class ChatRequestKeys {

  private final String operation;
  private final String fallbackModel;
  private final UnaryOperator<AIRequest.Builder> controls;

  ChatRequestKeys(String operation, String fallbackModel, UnaryOperator<AIRequest.Builder> controls) {
    this.operation = operation;
    this.fallbackModel = fallbackModel;
    this.controls = controls;
  }

  /** These keys with {@code more} controls applied after this one's. */
  ChatRequestKeys with(UnaryOperator<AIRequest.Builder> more) {
    return new ChatRequestKeys(operation, fallbackModel, builder -> more.apply(controls.apply(builder)));
  }

  /** The AI request of {@code request} sent to a model whose defaults are {@code defaults}. */
  AIRequest of(ChatRequest request, ChatRequestParameters defaults) {
    ChatRequestParameters parameters = effective(request.parameters(), defaults);
    String model = parameters.modelName() == null ? fallbackModel : parameters.modelName();
    List<AIMessage> messages = new ArrayList<>(request.messages().size());
    for (ChatMessage message : request.messages()) {
      messages.add(new AIMessage(message.type().name().toLowerCase(Locale.ROOT), textOf(message),
          StructuredData.of(Map.of("json", ChatMessageSerializer.messageToJson(message)))));
    }
    AIRequest.Builder builder = AIRequest.builder().messages(messages).operation(operation)
        .options(options(parameters, model)).model(keyableModel(model));
    return controls.apply(builder).build();
  }

  static ChatRequestParameters effective(ChatRequestParameters requested, ChatRequestParameters defaults) {
    if (defaults == null) {
      return requested == null ? DefaultChatRequestParameters.EMPTY : requested;
    }
    return requested == null ? defaults : defaults.overrideWith(requested);
  }

  private static Map<String, Object> options(ChatRequestParameters parameters, String model) {
    Map<String, Object> options = new TreeMap<>();
    options.put("model", model);
    putIfSet(options, "temperature", parameters.temperature());
    putIfSet(options, "top_p", parameters.topP());
    putIfSet(options, "top_k", parameters.topK());
    putIfSet(options, "frequency_penalty", parameters.frequencyPenalty());
    putIfSet(options, "presence_penalty", parameters.presencePenalty());
    putIfSet(options, "max_output_tokens", parameters.maxOutputTokens());
    putIfSet(options, "stop", parameters.stopSequences() == null || parameters.stopSequences().isEmpty()
        ? null : parameters.stopSequences());
    putIfSet(options, "tool_choice", parameters.toolChoice() == null ? null : parameters.toolChoice().name());
    List<ToolSpecification> tools = parameters.toolSpecifications();
    if (tools != null && !tools.isEmpty()) {
      List<String> specifications = new ArrayList<>(tools.size());
      for (ToolSpecification tool : tools) {
        specifications.add(tool.toJson());
      }
      options.put("tools", specifications);
    }
    ResponseFormat format = parameters.responseFormat();
    if (format != null) {
      options.put("response_format", format.type().name()
          + (format.jsonSchema() == null ? "" : " " + format.jsonSchema()));
    }
    if (parameters.getClass() != DefaultChatRequestParameters.class) {
      // a provider's own parameters (seed, reasoning effort, ...): their text form holds every field
      options.put("provider_parameters", parameters.getClass().getName() + " " + parameters);
    }
    return options;
  }

  private static void putIfSet(Map<String, Object> options, String name, Object value) {
    if (value != null) {
      options.put(name, value);
    }
  }

  /** The message's plain text where it has one (its full form is keyed anyway), for the text tiers. */
  private static String textOf(ChatMessage message) {
    if (message instanceof SystemMessage system) {
      return system.text();
    }
    if (message instanceof UserMessage user && user.hasSingleText()) {
      return user.singleText();
    }
    if (message instanceof AiMessage ai) {
      return ai.text();
    }
    if (message instanceof ToolExecutionResultMessage result) {
      return result.text();
    }
    return "";
  }

  /** {@code model} as the key's model part: 1 to 128 of {@code [A-Za-z0-9_.:/@+-]} (the options hold it exactly). */
  static String keyableModel(String model) {
    String safe = model.replaceAll("[^A-Za-z0-9_.:/@+\\-]", "_");
    if (safe.isEmpty()) {
      return "_";
    }
    return safe.length() > 128 ? safe.substring(0, 128) : safe;
  }
}
