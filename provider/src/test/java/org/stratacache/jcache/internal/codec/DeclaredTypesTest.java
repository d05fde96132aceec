package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.SerializationSettings;

class DeclaredTypesTest {

  record Customer(String name) {
  }

  record Order(String id, Customer customer) {
  }

  record Basket(List<Customer> customers, Map<String, Long> counts) {
  }

  record Plain(String id, long amount, List<String> tags, Object anything) {
  }

  @Test
  void theDeclaredTypesAreAllowedWithTheCache() {
    SerializationSettings settings = DeclaredTypes.allowing(SerializationSettings.none(), String.class, Plain.class);
    assertThat(new ClassFilter(settings).allows(Plain.class)).isTrue();
    assertThat(new ClassFilter(settings).allows(Customer.class)).as("only the declared ones").isFalse();
    assertThatCode(() -> DeclaredTypes.check("plain", settings, Plain.class)).doesNotThrowAnyException();
  }

  @Test
  void aFieldOfAClassNobodyAllowedFailsNamingItAndBothFixes() {
    SerializationSettings settings = DeclaredTypes.allowing(SerializationSettings.none(), String.class, Order.class);
    assertThatThrownBy(() -> DeclaredTypes.check("orders", settings, Order.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'orders'")
        .hasMessageContaining(Customer.class.getName())
        .hasMessageContaining(".customer")
        .hasMessageContaining("allowClass(DeclaredTypesTest.Customer.class)")
        .hasMessageContaining("allowPackage(\"org.stratacache.jcache.internal.codec\")")
        .hasMessageContaining("serialization.allowed-packages")
        .hasMessageContaining("strata.serialization.allowed-packages");
    assertThatCode(() -> DeclaredTypes.check("orders", settings.allowClass(Customer.class), Order.class))
        .doesNotThrowAnyException();
  }

  @Test
  void typeArgumentsOfFieldsAreChecked() {
    SerializationSettings settings = DeclaredTypes.allowing(SerializationSettings.none(), String.class, Basket.class);
    assertThatThrownBy(() -> DeclaredTypes.check("baskets", settings, Basket.class))
        .hasMessageContaining(Customer.class.getName());
  }

  @Test
  void objectValuesHaveNothingToCheck() {
    assertThatCode(() -> DeclaredTypes.check("any", SerializationSettings.none(), Object.class))
        .doesNotThrowAnyException();
  }
}
