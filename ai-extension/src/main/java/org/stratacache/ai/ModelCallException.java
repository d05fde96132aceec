package org.stratacache.ai;

/** A model call failed with a checked exception; it is the cause. Every waiter of the call gets this. */
public final class ModelCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Wraps the model's failure. */
  public ModelCallException(String message, Throwable cause) {
    super(message, cause);
  }
}
