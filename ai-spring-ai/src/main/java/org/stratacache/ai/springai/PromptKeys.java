package org.stratacache.ai.springai;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.ai.chat.client.ChatClientAttributes;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.content.MediaContent;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.stratacache.ai.AIMessage;
import org.stratacache.ai.AIRequest;
import org.stratacache.ai.StructuredData;

/**
 * What of a {@link ChatClientRequest} decides the answer, as an {@link AIRequest}: every message
 * (type, text, media, tool calls, tool responses), the chat options (model, temperature, max tokens,
 * top-p/k, penalties, stop sequences, and a provider's own options), the tool definitions, and the
 * output format or schema the client asks for. The request's context supplies the controls.
 */
final class PromptKeys {

  private final String operation;

  PromptKeys(String operation) {
    this.operation = operation;
  }

  AIRequest of(ChatClientRequest request) {
    Prompt prompt = request.prompt();
    ChatOptions options = prompt.getOptions();
    String model = options == null || options.getModel() == null ? "default" : options.getModel();
    List<AIMessage> messages = new ArrayList<>();
    for (Message message : prompt.getInstructions()) {
      messages.add(new AIMessage(message.getMessageType().getValue(), message.getText(), attributes(message)));
    }
    Map<String, Object> keyed = options(options, model);
    Map<String, Object> context = request.context();
    putIfSet(keyed, "output_format", context.get(ChatClientAttributes.OUTPUT_FORMAT.getKey()));
    putIfSet(keyed, "output_schema_requested", context.get(ChatClientAttributes.STRUCTURED_OUTPUT_SCHEMA.getKey()));
    if (context.containsKey(ChatClientAttributes.STRUCTURED_OUTPUT_NATIVE.getKey())) {
      keyed.put("output_native", true);
    }
    AIRequest.Builder builder = AIRequest.builder().messages(messages).operation(operation).options(keyed)
        .model(keyableModel(model));
    return controls(builder, context).build();
  }

  private static StructuredData attributes(Message message) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (message instanceof MediaContent content && !content.getMedia().isEmpty()) {
      List<Map<String, Object>> media = new ArrayList<>();
      for (Media item : content.getMedia()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("mime", String.valueOf(item.getMimeType()));
        Object data = item.getData();
        one.put("data", data instanceof byte[] bytes ? "sha256:" + sha256(bytes) : String.valueOf(data));
        media.add(one);
      }
      attributes.put("media", media);
    }
    if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
      List<Map<String, Object>> calls = new ArrayList<>();
      for (AssistantMessage.ToolCall call : assistant.getToolCalls()) {
        calls.add(ChatResponses.toolCall(call));
      }
      attributes.put("tool_calls", calls);
    }
    if (message instanceof ToolResponseMessage tool) {
      List<Map<String, Object>> responses = new ArrayList<>();
      for (ToolResponseMessage.ToolResponse response : tool.getResponses()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("id", response.id());
        one.put("name", response.name());
        one.put("data", response.responseData());
        responses.add(one);
      }
      attributes.put("responses", responses);
    }
    return attributes.isEmpty() ? StructuredData.NONE : StructuredData.of(attributes);
  }

  private static Map<String, Object> options(ChatOptions options, String model) {
    Map<String, Object> keyed = new TreeMap<>();
    keyed.put("model", model);
    if (options == null) {
      return keyed;
    }
    putIfSet(keyed, "temperature", options.getTemperature());
    putIfSet(keyed, "max_tokens", options.getMaxTokens());
    putIfSet(keyed, "top_p", options.getTopP());
    putIfSet(keyed, "top_k", options.getTopK());
    putIfSet(keyed, "frequency_penalty", options.getFrequencyPenalty());
    putIfSet(keyed, "presence_penalty", options.getPresencePenalty());
    putIfSet(keyed, "stop", options.getStopSequences() == null || options.getStopSequences().isEmpty()
        ? null : options.getStopSequences());
    if (options instanceof ToolCallingChatOptions tooling && tooling.getToolCallbacks() != null
        && !tooling.getToolCallbacks().isEmpty()) {
      List<Map<String, Object>> tools = new ArrayList<>();
      for (ToolCallback callback : tooling.getToolCallbacks()) {
        ToolDefinition definition = callback.getToolDefinition();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", definition.name());
        tool.put("description", definition.description());
        tool.put("input_schema", definition.inputSchema());
        tools.add(tool);
      }
      keyed.put("tools", tools);
    }
    if (options instanceof StructuredOutputChatOptions structured) {
      putIfSet(keyed, "output_schema", structured.getOutputSchema());
    }
    String type = options.getClass().getName();
    if (!type.startsWith("org.springframework.ai.chat.prompt.")
        && !type.startsWith("org.springframework.ai.model.tool.")) {
      // a provider's own options (response format, seed, reasoning effort, ...)
      keyed.put("provider_options", Map.of("type", type, "values", ProviderOptions.describe(options)));
    }
    return keyed;
  }

  private static AIRequest.Builder controls(AIRequest.Builder builder, Map<String, Object> context) {
    builder.ttl(duration(context.get(AICacheAdvisor.TTL)));
    builder.maxAge(duration(context.get(AICacheAdvisor.MAX_AGE)));
    builder.noStore(flag(context.get(AICacheAdvisor.NO_STORE)));
    builder.refresh(flag(context.get(AICacheAdvisor.REFRESH)));
    Object tenant = context.get(AICacheAdvisor.TENANT);
    if (tenant != null) {
      builder.tenant(tenant.toString());
    }
    return builder;
  }

  private static Duration duration(Object value) {
    if (value == null || value instanceof Duration) {
      return (Duration) value;
    }
    return Duration.parse(value.toString());
  }

  private static boolean flag(Object value) {
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  private static void putIfSet(Map<String, Object> options, String name, Object value) {
    if (value != null) {
      options.put(name, value instanceof String || value instanceof Number || value instanceof Boolean
          || value instanceof List ? value : value.toString());
    }
  }

  /** {@code model} as the key's model part: 1 to 128 of {@code [A-Za-z0-9_.:/@+-]} (the options hold it exactly). */
  static String keyableModel(String model) {
    String safe = model.replaceAll("[^A-Za-z0-9_.:/@+\\-]", "_");
    if (safe.isEmpty()) {
      return "_";
    }
    return safe.length() > 128 ? safe.substring(0, 128) : safe;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
