package org.stratacache.ai;

import java.util.concurrent.Flow;

/**
 * A streaming call to a model, made by {@link AIResponseCache#getOrComputeStream} only when no
 * cached answer exists and no identical stream is running in this JVM.
 *
 * @param <C> the chunk type
 */
@FunctionalInterface
public interface StreamingModelCall<C> {

  /**
   * Starts the model's stream: nothing should happen before the returned publisher is subscribed.
   *
   * @return the model's chunks, never {@code null}
   * @throws Exception whatever the model client throws; every subscriber receives it
   */
  Flow.Publisher<C> stream() throws Exception;
}
