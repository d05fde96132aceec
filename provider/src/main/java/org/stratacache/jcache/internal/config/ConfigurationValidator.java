package org.stratacache.jcache.internal.config;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.cache.CacheException;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.stratacache.jcache.CacheExtension;
import org.stratacache.jcache.configuration.EncryptionSettings;
import org.stratacache.jcache.configuration.ExtensionSetting;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;

/**
 * Checks a configuration before a cache is built from it, so that a bad setting fails at
 * {@code createCache} with a message naming the field, the value and what is allowed: the range of
 * every {@link Setting} as it declares it, and the bean constraints of the types and sections
 * (Hibernate Validator).
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
    List<String> problems = new ArrayList<>();
    if (configuration instanceof StrataConfiguration<?, ?> strata) {
      for (Setting setting : Setting.values()) {
        Object value = setting.isSecret() ? null : setting.configuredIn(strata);
        String violation = setting.violation(value);
        if (violation != null) {
          problems.add(setting.field() + " = " + value + ": " + violation);
        }
      }
    }
    Set<ConstraintViolation<Object>> violations = validator().validate(configuration);
    violations.forEach(v -> problems.add(v.getPropertyPath() + " = " + shown(v) + ": " + v.getMessage()));
    if (problems.isEmpty()) {
      return;
    }
    problems.sort(null);
    throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': "
        + String.join("; ", problems));
  }

  /**
   * Checks the extension sections {@code configuration} holds against the constraints their
   * settings declare ({@link ExtensionSetting#violation}).
   *
   * @throws IllegalArgumentException listing every value outside its constraint
   */
  public static void validateSections(String cacheName, StrataConfiguration<?, ?> configuration,
                                      List<CacheExtension> extensions) {
    List<String> problems = new ArrayList<>();
    for (CacheExtension extension : extensions) {
      for (ExtensionSetting<?> setting : extension.declaredSettings()) {
        Object value = configured(setting, configuration);
        String violation = setting.violation(value);
        if (violation != null) {
          problems.add(setting.key() + " = " + value + ": " + violation);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Invalid configuration for cache '" + cacheName + "': "
          + String.join("; ", problems));
    }
  }

  private static <S extends Serializable> Object configured(ExtensionSetting<S> setting,
                                                            StrataConfiguration<?, ?> configuration) {
    S section = configuration.getSection(setting.section());
    return section == null ? null : setting.configuredIn(section);
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
