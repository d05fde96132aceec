package org.stratacache.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A slow "database" of product descriptions: every read costs a fixed latency. */
final class ProductRepository {

  private final long latencyMicros;
  private final AtomicInteger reads = new AtomicInteger();

  ProductRepository(long latencyMicros) {
    this.latencyMicros = latencyMicros;
  }

  String find(int id) {
    reads.incrementAndGet();
    long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(latencyMicros);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return "product-" + id + " {\"price\": " + (id * 7 % 100) + ".99, \"stock\": " + (id * 13 % 50) + "}";
  }

  int reads() {
    return reads.get();
  }
}
