package org.stratacache.jcache.internal.expiry;

import java.util.function.Supplier;
import javax.cache.expiry.AccessedExpiryPolicy;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.EternalExpiryPolicy;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.expiry.TouchedExpiryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stratacache.jcache.store.EntryExpiry;

/**
 * A JSR-107 {@link ExpiryPolicy} seen as the lifetimes a store applies.
 *
 * <p>The five standard policies are immutable, so their durations are read once and the adapter
 * is {@link #isFixed() fixed}. Any other policy is asked on every call, exactly once per branch an
 * operation takes. As JSR-107 requires, a policy that throws (or returns {@code null} for creation)
 * yields the default: eternal on creation, unchanged on update and access.
 */
public final class PolicyExpiry implements EntryExpiry {

  private static final Logger LOG = LoggerFactory.getLogger(PolicyExpiry.class);

  private final ExpiryPolicy policy;
  private final boolean fixed;
  private final long creation;
  private final long update;
  private final long access;

  private PolicyExpiry(ExpiryPolicy policy) {
    this.policy = policy;
    this.fixed = isStandard(policy);
    if (fixed) {
      this.creation = creation(policy);
      this.update = change(policy::getExpiryForUpdate);
      this.access = change(policy::getExpiryForAccess);
    } else {
      this.creation = KEEP;
      this.update = KEEP;
      this.access = KEEP;
    }
  }

  /** Adapts {@code policy}. */
  public static PolicyExpiry of(ExpiryPolicy policy) {
    return new PolicyExpiry(policy);
  }

  /** The adapted policy. */
  public ExpiryPolicy policy() {
    return policy;
  }

  @Override
  public long onCreation() {
    return fixed ? creation : creation(policy);
  }

  @Override
  public long onUpdate() {
    return fixed ? update : change(policy::getExpiryForUpdate);
  }

  @Override
  public long onAccess() {
    return fixed ? access : change(policy::getExpiryForAccess);
  }

  @Override
  public boolean isFixed() {
    return fixed;
  }

  /** A JSR-107 duration in milliseconds, or {@link #ETERNAL}. */
  public static long toMillis(Duration duration) {
    if (duration.isEternal()) {
      return ETERNAL;
    }
    if (duration.isZero()) {
      return 0;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    return Math.max(millis, 1);
  }

  private static boolean isStandard(ExpiryPolicy policy) {
    Class<?> type = policy.getClass();
    return type == EternalExpiryPolicy.class || type == CreatedExpiryPolicy.class
        || type == AccessedExpiryPolicy.class || type == ModifiedExpiryPolicy.class
        || type == TouchedExpiryPolicy.class;
  }

  private static long creation(ExpiryPolicy policy) {
    Duration duration = ask(policy::getExpiryForCreation);
    return duration == null ? ETERNAL : toMillis(duration);
  }

  private static long change(Supplier<Duration> question) {
    Duration duration = ask(question);
    return duration == null ? KEEP : toMillis(duration);
  }

  @SuppressWarnings("IllegalCatch")
  private static Duration ask(Supplier<Duration> question) {
    try {
      return question.get();
    } catch (RuntimeException e) {
      LOG.debug("expiry policy failed, using the default duration", e);
      return null;
    }
  }
}
