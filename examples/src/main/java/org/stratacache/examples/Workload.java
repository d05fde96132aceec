package org.stratacache.examples;

import java.util.SplittableRandom;

/** Requests skewed like real traffic: a few products are asked for far more often than the rest. */
final class Workload {

  private final SplittableRandom random;
  private final int products;

  Workload(long seed, int products) {
    this.random = new SplittableRandom(seed);
    this.products = products;
  }

  /** A product id, roughly Zipf-distributed over {@code [0, products)}. */
  int next() {
    double u = random.nextDouble();
    return (int) Math.min(products - 1, Math.floor(Math.pow(products, u)) - 1);
  }
}
