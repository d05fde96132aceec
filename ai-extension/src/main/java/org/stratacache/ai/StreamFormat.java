package org.stratacache.ai;

import java.util.List;

/**
 * How a model's stream of chunks becomes the answer the cache stores, and how a stored answer is
 * replayed as chunks on a hit. Framework adapters give their own (chunks of the framework's
 * response type); {@link #text()} serves plain text deltas. Implementations must be thread-safe.
 *
 * @param <C> the chunk type
 */
public interface StreamFormat<C> {

  /**
   * The answer a stream that completed normally produced.
   *
   * @param chunks every chunk, in order
   * @return the answer to store, never {@code null}
   */
  AIResponse assemble(List<C> chunks);

  /**
   * The chunks a hit emits for {@code answer}.
   *
   * @return the chunks, in order
   */
  List<C> replay(AIResponse answer);

  /** Chunks that are text deltas: the answer is their concatenation, replayed as one chunk. */
  static StreamFormat<String> text() {
    return TextStreamFormat.INSTANCE;
  }
}
