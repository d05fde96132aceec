package org.stratacache.ai;

/** How long a request's text is, for metrics: below the small, medium and large thresholds, or beyond. */
public enum TextTier {
  /** Shorter than the small threshold (500 characters by default). */
  SMALL,
  /** Shorter than the medium threshold (5,000). */
  MEDIUM,
  /** Shorter than the large threshold (50,000). */
  LARGE,
  /** Everything longer. */
  XLARGE
}
