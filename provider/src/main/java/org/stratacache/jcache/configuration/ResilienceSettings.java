package org.stratacache.jcache.configuration;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a cache does while its remote store is away ({@code resilience}) and how large the in-memory
 * store that serves meanwhile may grow ({@code fallback-maximum-size}).
 *
 * <p>Immutable; every {@code with} method returns a new instance. Unset values read as their
 * {@link Setting} default.
 */
public final class ResilienceSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  final ResiliencePolicy policy;
  final Long fallbackMaximumSize;

  private ResilienceSettings(ResiliencePolicy policy, Long fallbackMaximumSize) {
    this.policy = policy;
    this.fallbackMaximumSize = fallbackMaximumSize;
  }

  /** Nothing set: {@link ResiliencePolicy#FAIL} and the default fallback bound. */
  public static ResilienceSettings defaults() {
    return new ResilienceSettings(null, null);
  }

  /** These settings with {@code resiliencePolicy} ({@code null}: the default). */
  public ResilienceSettings withPolicy(ResiliencePolicy resiliencePolicy) {
    return new ResilienceSettings(resiliencePolicy, fallbackMaximumSize);
  }

  /** These settings bounding the fallback store to {@code entries} ({@code null}: the default). */
  public ResilienceSettings withFallbackMaximumSize(Long entries) {
    return new ResilienceSettings(policy, entries);
  }

  /** What the cache does while the remote store is away. */
  public ResiliencePolicy getPolicy() {
    return policy == null ? (ResiliencePolicy) Setting.RESILIENCE.typedDefault() : policy;
  }

  /** The bound of the in-memory store used by {@link ResiliencePolicy#LOCAL_FALLBACK}. */
  public long getFallbackMaximumSize() {
    return fallbackMaximumSize == null ? (Long) Setting.FALLBACK_MAXIMUM_SIZE.typedDefault() : fallbackMaximumSize;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResilienceSettings that && policy == that.policy
        && Objects.equals(fallbackMaximumSize, that.fallbackMaximumSize);
  }

  @Override
  public int hashCode() {
    return Objects.hash(policy, fallbackMaximumSize);
  }

  @Override
  public String toString() {
    return "ResilienceSettings{policy=" + policy + ", fallbackMaximumSize=" + fallbackMaximumSize + "}";
  }
}
