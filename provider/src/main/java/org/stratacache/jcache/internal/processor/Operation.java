package org.stratacache.jcache.internal.processor;

/** What an entry processor did to its entry, in JSR-107 terms. */
public enum Operation {
  /** Nothing, or only looked at a missing entry. */
  NONE,
  /** Read an existing value. */
  ACCESS,
  /** Set a value on a missing entry. */
  CREATE,
  /** Read a missing entry that the loader then supplied. */
  LOAD,
  /** Set a new value on an existing entry. */
  UPDATE,
  /** Removed the entry. */
  REMOVE
}
