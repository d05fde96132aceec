package org.stratacache.jcache.fuzz;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class no cache allows. Forged stored values name it in place of {@link Parcel} or
 * {@link Hooked}; if a read ever initialized or instantiated it, {@link #TOUCHED} would count it.
 * The counter lives in a nested class, so reading it does not initialize this one.
 */
public final class Canary implements Serializable {

  private static final long serialVersionUID = 1L;

  static {
    Touched.COUNT.incrementAndGet();
  }

  public Canary() {
    Touched.COUNT.incrementAndGet();
  }

  /** How often {@link Canary} was initialized or constructed. */
  public static final class Touched {
    static final AtomicInteger COUNT = new AtomicInteger();

    private Touched() {
    }

    public static int count() {
      return COUNT.get();
    }
  }
}
