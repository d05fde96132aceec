package org.stratacache.jcache.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that injects faults on purpose (stops Redis, cuts links, plants corrupt
 * values, refuses permissions): before its tests run, one line on standard error, where the log
 * lines go, says that the WARN lines that follow are expected and why, so a reader of the build
 * output does not take them for failures.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ExpectedWarnings.Announcer.class)
public @interface ExpectedWarnings {

  /** What the class does that makes the provider (or Lettuce) warn. */
  String value();

  /** Prints the announcement once per class. */
  final class Announcer implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      ExpectedWarnings expected = context.getRequiredTestClass().getAnnotation(ExpectedWarnings.class);
      if (expected != null) {
        System.err.printf("[expected warnings] %s %s: the WARN lines it causes are part of the test.%n",
            context.getRequiredTestClass().getSimpleName(), expected.value());
      }
    }
  }
}
