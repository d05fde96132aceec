package org.stratacache.ai;

import java.util.Map;
import java.util.Objects;

/**
 * One message of a conversation sent to a model, as far as it decides the answer.
 *
 * @param role       who speaks: {@code system}, {@code user}, {@code assistant}, {@code tool}, ...
 * @param content    the text ({@code ""} when none)
 * @param attributes anything else of the message that changes the answer (tool calls, a tool
 *                   call id, media references), JSON-compatible; part of the key
 */
public record AIMessage(String role, String content, StructuredData attributes) {

  /** Validates. */
  public AIMessage {
    Objects.requireNonNull(role, "role");
    content = content == null ? "" : content;
    attributes = attributes == null ? StructuredData.NONE : attributes;
  }

  /** A message of {@code role} with no attributes. */
  public AIMessage(String role, String content) {
    this(role, content, StructuredData.NONE);
  }

  /** A message of {@code role} with JSON-compatible attributes. */
  public static AIMessage of(String role, String content, Map<String, ?> attributes) {
    return new AIMessage(role, content, StructuredData.of(attributes));
  }

  /** A system message. */
  public static AIMessage system(String content) {
    return new AIMessage("system", content);
  }

  /** A user message. */
  public static AIMessage user(String content) {
    return new AIMessage("user", content);
  }

  /** An assistant message. */
  public static AIMessage assistant(String content) {
    return new AIMessage("assistant", content);
  }
}
