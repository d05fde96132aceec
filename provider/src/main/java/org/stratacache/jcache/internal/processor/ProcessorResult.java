package org.stratacache.jcache.internal.processor;

import javax.cache.processor.EntryProcessorException;
import javax.cache.processor.EntryProcessorResult;

/**
 * One key's result in {@code invokeAll}: the processor's value, or the exception it ended with.
 *
 * @param <T> the result type
 */
public final class ProcessorResult<T> implements EntryProcessorResult<T> {

  private final T value;
  private final EntryProcessorException failure;

  private ProcessorResult(T value, EntryProcessorException failure) {
    this.value = value;
    this.failure = failure;
  }

  /** A successful result. */
  public static <T> ProcessorResult<T> of(T value) {
    return new ProcessorResult<>(value, null);
  }

  /** A failed result; {@link #get()} throws {@code failure} wrapped as JSR-107 requires. */
  public static <T> ProcessorResult<T> failed(RuntimeException failure) {
    return new ProcessorResult<>(null, failure instanceof EntryProcessorException
        ? (EntryProcessorException) failure : new EntryProcessorException(failure));
  }

  @Override
  public T get() {
    if (failure != null) {
      throw failure;
    }
    return value;
  }
}
