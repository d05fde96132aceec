package org.stratacache.ai;

import java.util.List;

/** {@link StreamFormat#text()}. */
final class TextStreamFormat implements StreamFormat<String> {

  static final TextStreamFormat INSTANCE = new TextStreamFormat();

  private TextStreamFormat() {
  }

  @Override
  public AIResponse assemble(List<String> chunks) {
    return AIResponse.of(String.join("", chunks));
  }

  @Override
  public List<String> replay(AIResponse answer) {
    return List.of(answer.content());
  }
}
