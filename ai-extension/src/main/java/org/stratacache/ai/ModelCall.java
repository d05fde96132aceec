package org.stratacache.ai;

/** A call to a model, made by {@link AIResponseCache#getOrCompute} only when no cached answer exists. */
@FunctionalInterface
public interface ModelCall {

  /**
   * Asks the model.
   *
   * @return its answer, never {@code null}
   * @throws Exception whatever the model client throws; the answer is then not cached
   */
  AIResponse call() throws Exception;
}
