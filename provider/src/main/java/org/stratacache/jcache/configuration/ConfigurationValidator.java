package org.stratacache.jcache.configuration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Checks a configuration before a cache is built from it, so that a bad setting fails at
 * {@code createCache} with a message naming the field, the value and what is allowed.
 */
public final class ConfigurationValidator {

  private static final Validator VALIDATOR = createValidator();

  private ConfigurationValidator() {
  }

  /**
   * Validates {@code configuration}.
   *
   * @param cacheName the cache the configuration is for, named in the message
   * @throws IllegalArgumentException listing every invalid setting
   */
  public static void validate(String cacheName, Object configuration) {
    Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(configuration);
    if (violations.isEmpty()) {
      return;
    }
    String details = violations.stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .map(v -> v.getPropertyPath() + " = " + v.getInvalidValue() + ": " + v.getMessage())
        .collect(Collectors.joining("; "));
    throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': " + details);
  }

  private static Validator createValidator() {
    // the factory lives as long as the validator it made, i.e. for the life of the class
    ValidatorFactory factory = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
    return factory.getValidator();
  }
}
