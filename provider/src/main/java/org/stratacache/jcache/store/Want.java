package org.stratacache.jcache.store;

/** How much a caller needs to know about what a write did; a remote store may skip the rest. */
public enum Want {
  /** Nothing: the outcome may be {@link WriteResult.Outcome#WRITTEN}. */
  NOTHING,
  /** Whether the entry was created or updated (or nothing happened). */
  OUTCOME,
  /** The outcome and the value that was replaced or removed. */
  PREVIOUS
}
