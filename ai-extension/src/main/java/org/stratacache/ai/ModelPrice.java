package org.stratacache.ai;

import java.io.Serializable;

/**
 * What a model charges, per thousand tokens, for the estimated cost saved by hits.
 *
 * @param promptPerThousand     price of a thousand prompt (input) tokens
 * @param completionPerThousand price of a thousand completion (output) tokens
 */
public record ModelPrice(double promptPerThousand, double completionPerThousand) implements Serializable {

  /** Validates. */
  public ModelPrice {
    if (!(promptPerThousand >= 0) || !(completionPerThousand >= 0) || Double.isInfinite(promptPerThousand)
        || Double.isInfinite(completionPerThousand)) {
      throw new IllegalArgumentException("prices must be finite and 0 or more: prompt " + promptPerThousand
          + ", completion " + completionPerThousand);
    }
  }

  /** What {@code answer}'s tokens cost at these prices. */
  public double cost(AIResponse answer) {
    return (answer.promptTokens() * promptPerThousand + answer.completionTokens() * completionPerThousand) / 1000;
  }
}
