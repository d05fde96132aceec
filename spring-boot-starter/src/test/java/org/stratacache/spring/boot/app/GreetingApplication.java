package org.stratacache.spring.boot.app;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A small application as a user writes one: @Cacheable on a service, nothing about Strata but the starter. */
@SpringBootApplication
@EnableCaching
public class GreetingApplication {

  public static void main(String[] args) {
    SpringApplication.run(GreetingApplication.class, args);
  }

  /** Counts how often the method body really ran. */
  @Service
  public static class GreetingService {
    private final AtomicInteger calls = new AtomicInteger();

    @Cacheable("greetings")
    public String greet(String name) {
      calls.incrementAndGet();
      return "Hello " + name;
    }

    public int calls() {
      return calls.get();
    }
  }

  /** The service over HTTP, for the packaged application. */
  @RestController
  public static class GreetingController {
    private final GreetingService service;

    GreetingController(GreetingService service) {
      this.service = service;
    }

    @GetMapping("/greet/{name}")
    public String greet(@PathVariable("name") String name) {
      return service.greet(name);
    }

    @GetMapping("/calls")
    public int calls() {
      return service.calls();
    }
  }
}
