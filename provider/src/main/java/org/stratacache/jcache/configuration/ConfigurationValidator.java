package org.stratacache.jcache.configuration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import javax.cache.CacheException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a configuration before a cache is built from it, so that a bad setting fails at
 * {@code createCache} with a message naming the field, the value and what is allowed.
 */
public final class ConfigurationValidator {

  private static volatile Validator validator;

  private ConfigurationValidator() {
  }

  /**
   * Validates {@code configuration}.
   *
   * @param cacheName the cache the configuration is for, named in the message
   * @throws IllegalArgumentException listing every invalid setting
   */
  public static void validate(String cacheName, Object configuration) {
    Set<ConstraintViolation<Object>> violations = validator().validate(configuration);
    if (violations.isEmpty()) {
      return;
    }
    String details = violations.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> v.getPropertyPath() + " = " + shown(v) + ": " + v.getMessage())
        .collect(Collectors.joining("; "));
    throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': " + details);
  }

  /** Encryption settings hold key material: their values are never shown. */
  private static Object shown(ConstraintViolation<Object> violation) {
    return violation.getLeafBean() instanceof EncryptionSettings ? "(not shown)" : violation.getInvalidValue();
  }

  private static Validator validator() {
    Validator current = validator;
    if (current == null) {
      synchronized (ConfigurationValidator.class) {
        if (validator == null) {
          validator = createValidator();
        }
        current = validator;
      }
    }
    return current;
  }

  /** Not cached on failure: each createCache reports the same clear cause rather than NoClassDefFoundError. */
  private static Validator createValidator() {
    try {
      // the factory lives as long as the validator it made, i.e. for the life of the class
      ValidatorFactory factory = Validation.byDefaultProvider().configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory();
      return factory.getValidator();
    } catch (LinkageError | RuntimeException e) {
      throw new CacheException("Cannot start Hibernate Validator, which checks cache configurations: " + e
          + ". This is a dependency clash on the class path: Strata Cache needs hibernate-validator 8.0.x with "
          + "jakarta.validation-api 3.0 and jboss-logging 3.4 or later; see mvn dependency:tree", e);
    }
  }
}
