package org.stratacache.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Validator;

/**
 * The starter switches nothing on in the host application: with Boot's validation
 * auto-configuration present, an application that never asked for Bean Validation gets no
 * validator, because nothing the starter brings carries a Bean Validation provider (the provider
 * checks its settings with plain code). While the provider depended on Hibernate Validator, its
 * service file made Boot create a {@code LocalValidatorFactoryBean} here.
 */
class NoValidationTest {

  private static final String PROVIDER_SERVICE = "META-INF/services/jakarta.validation.spi.ValidationProvider";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class,
          StrataCacheAutoConfiguration.class, CacheAutoConfiguration.class))
      .withUserConfiguration(Caching.class)
      .withPropertyValues("spring.application.name=no-validation", "spring.cache.cache-names=greetings");

  @Test
  void theClassPathCarriesNoBeanValidationProvider() throws IOException {
    assertThat(Collections.list(getClass().getClassLoader().getResources(PROVIDER_SERVICE))).isEmpty();
  }

  @Test
  void bootCreatesNoValidatorBesideStrataCaches() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(javax.cache.CacheManager.class)
          .hasSingleBean(org.springframework.cache.CacheManager.class);
      assertThat(context.getBean(javax.cache.CacheManager.class).getCache("greetings")).isNotNull();
      assertThat(validators(context)).as("beans that are a Bean Validation validator or factory").isEmpty();
      assertThat(context.getBeanNamesForType(Validator.class)).isEmpty();
      assertThat(context).doesNotHaveBean("defaultValidator").doesNotHaveBean("methodValidationPostProcessor");
      ConditionAndOutcomes validation = ConditionEvaluationReport.get(context.getBeanFactory())
          .getConditionAndOutcomesBySource().get(ValidationAutoConfiguration.class.getName());
      assertThat(validation).as("Boot looked at validation and declined").isNotNull();
      assertThat(validation.isFullMatch()).isFalse();
    });
  }

  /** Beans whose type is, or implements, a jakarta.validation type (the API may not even be on the class path). */
  private static List<String> validators(ApplicationContext context) {
    List<String> found = new ArrayList<>();
    for (String name : context.getBeanDefinitionNames()) {
      Class<?> type = context.getType(name);
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        if (c.getName().startsWith("jakarta.validation.") || c.getName().endsWith("LocalValidatorFactoryBean")
            || Arrays.stream(c.getInterfaces()).anyMatch(i -> i.getName().startsWith("jakarta.validation."))) {
          found.add(name);
          break;
        }
      }
    }
    return found;
  }

  @Configuration(proxyBeanMethods = false)
  @EnableCaching
  static class Caching {
  }
}
