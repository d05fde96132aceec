package org.stratacache.integration.bootapp;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Squares numbers slowly, and caches them: @Cacheable, the starter, application.properties. */
// tag::app[]
@SpringBootApplication
@EnableCaching
public class BootApp {

  public static void main(String[] args) {
    SpringApplication.run(BootApp.class, args);
  }

  /** The expensive computation, counted. */
  @Component
  public static class Squares {
    private final AtomicLong computed = new AtomicLong();

    @Cacheable("squares")
    public String square(long n) {
      computed.incrementAndGet();
      return Long.toString(n * n);
    }
    // end::app[]

    long computed() {
      return computed.get();
    }
  }

  /** HTTP access for the tests. */
  @RestController
  public static class Api {
    private final Squares squares;

    Api(Squares squares) {
      this.squares = squares;
    }

    @GetMapping("/square/{n}")
    public String square(@PathVariable("n") long n) {
      return squares.square(n);
    }

    @GetMapping("/computed")
    public long computed() {
      return squares.computed();
    }
  }
}
