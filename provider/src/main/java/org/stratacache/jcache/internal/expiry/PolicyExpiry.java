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
import org.stratacache.jcache.store.Lifetime;

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
  private final Lifetime creation;
  private final Lifetime update;
  private final Lifetime access;

  private PolicyExpiry(ExpiryPolicy policy) {
    this.policy = policy;
    this.fixed = isStandard(policy);
    if (fixed) {
      this.creation = creation(policy);
      this.update = change(policy::getExpiryForUpdate);
      this.access = change(policy::getExpiryForAccess);
    } else {
      this.creation = Lifetime.KEEP;
      this.update = Lifetime.KEEP;
      this.access = Lifetime.KEEP;
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
  public Lifetime onCreation() {
    return fixed ? creation : creation(policy);
  }

  @Override
  public Lifetime onUpdate() {
    return fixed ? update : change(policy::getExpiryForUpdate);
  }

  @Override
  public Lifetime onAccess() {
    return fixed ? access : change(policy::getExpiryForAccess);
  }

  @Override
  public boolean isFixed() {
    return fixed;
  }

  /** A JSR-107 duration as a lifetime: eternal, expire now, or at least one millisecond. */
  public static Lifetime lifetime(Duration duration) {
    if (duration.isEternal()) {
      return Lifetime.ETERNAL;
    }
    if (duration.isZero()) {
      return Lifetime.EXPIRE_NOW;
    }
    long millis = duration.getTimeUnit().toMillis(duration.getDurationAmount());
    return Lifetime.ofMillis(Math.max(millis, 1));
  }

  private static boolean isStandard(ExpiryPolicy policy) {
    Class<?> type = policy.getClass();
    return type == EternalExpiryPolicy.class || type == CreatedExpiryPolicy.class
        || type == AccessedExpiryPolicy.class || type == ModifiedExpiryPolicy.class
        || type == TouchedExpiryPolicy.class;
  }

  private static Lifetime creation(ExpiryPolicy policy) {
    Duration duration = ask(policy::getExpiryForCreation);
    return duration == null ? Lifetime.ETERNAL : lifetime(duration);
  }

  private static Lifetime change(Supplier<Duration> question) {
    Duration duration = ask(question);
    return duration == null ? Lifetime.KEEP : lifetime(duration);
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
