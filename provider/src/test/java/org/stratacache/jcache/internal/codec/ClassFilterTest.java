package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.codec.ClassNotAllowedException;
import org.stratacache.jcache.configuration.SerializationSettings;

class ClassFilterTest {

  private final ClassFilter filter = new ClassFilter(SerializationSettings.none()
      .allowPackage("com.acme").allowClass(ClassFilterTest.class));

  @Test
  void builtInsAndTheirArraysAreAllowed() {
    assertThat(filter.allows(String.class)).isTrue();
    assertThat(filter.allows(int[][].class)).isTrue();
    assertThat(filter.allows(HashMap.class)).isTrue();
    assertThat(filter.allows("[Ljava.lang.String;")).isTrue();
    assertThat(filter.allows("[[J")).isTrue();
  }

  @Test
  void packagesAreMatchedOnWholeSegments() {
    assertThat(filter.allows("com.acme.Order")).isTrue();
    assertThat(filter.allows("com.acme.sales.Invoice")).isTrue();
    assertThat(filter.allows("com.acmeevil.Gadget")).isFalse();
    assertThat(filter.allows("[Lcom.acme.Order;")).isTrue();
  }

  @Test
  void everythingElseIsRefused() {
    assertThat(filter.allows(TimeUnit.class)).as("a JDK enum nobody allowed").isFalse();
    assertThat(filter.allows(Thread.class)).isFalse();
    assertThat(filter.allows("javax.management.BadAttributeValueExpException")).isFalse();
    assertThat(filter.allows("[Ljava.lang.Runtime;")).isFalse();
    assertThat(filter.allows(ClassFilterTest.class)).isTrue();
  }

  @Test
  void theFrameworksOwnKeysAndEntriesAreAllowedOneByOneNeverTheirPackages() {
    ClassFilter plain = new ClassFilter(SerializationSettings.none());
    assertThat(plain.allows("org.springframework.cache.interceptor.SimpleKey")).isTrue();
    assertThat(plain.allows("org.springframework.cache.support.NullValue")).isTrue();
    assertThat(plain.allows("org.jsr107.ri.annotations.DefaultGeneratedCacheKey")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.internal.BasicCacheKeyImplementation")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.internal.CacheKeyImplementation")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.internal.NaturalIdCacheKey")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.spi.entry.StandardCacheEntryImpl")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.spi.entry.CollectionCacheEntry")).isTrue();
    assertThat(plain.allows("[Ljava.io.Serializable;")).isTrue();
    assertThat(plain.allows("org.hibernate.cache.spi.QueryKey")).isTrue();
    assertThat(plain.allows("org.springframework.cache.interceptor.CacheInterceptor")).isFalse();
    assertThat(plain.allows("org.springframework.cache.support.SimpleValueWrapper")).isFalse();
    assertThat(plain.allows("org.hibernate.cache.internal.EnabledCaching")).isFalse();
    assertThat(plain.allows("org.hibernate.cache.spi.entry.ReferenceCacheEntryImpl"))
        .as("holds an EntityPersister").isFalse();
    assertThat(plain.allows("org.jsr107.ri.annotations.DefaultCacheKeyGenerator")).isFalse();
  }

  @Test
  void aRefusedClassNamesTheCodeAndTheFileFormOfTheFix() {
    assertThat(new ClassNotAllowedException("com.acme.Order").getMessage())
        .contains(".allowClass(Order.class)").contains(".allowPackage(\"com.acme\")")
        .contains("serialization.allowed-packages: [com.acme]")
        .contains("strata.serialization.allowed-packages=com.acme");
  }
}
