package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
}
