package org.stratacache.jcache.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Store-by-value copies: deep, without Serializable, faithful to Java serialization hooks. */
class KryoCopierTest {

  private final KryoCopier copier = new KryoCopier(getClass().getClassLoader());

  @Test
  void immutableValuesAreShared() {
    String text = new String("text".toCharArray());
    assertThat(copier.copy(text)).isSameAs(text);
    Long number = 123_456_789L;
    assertThat(copier.copy(number)).isSameAs(number);
  }

  @Test
  void mutableValuesAreDeepCopiedWithoutSerializable() {
    Order order = new Order("o-1", new ArrayList<>(List.of("apple")), new Date(1000));
    Order copy = copier.copy(order);
    assertThat(copy).isNotSameAs(order);
    order.items.add("pear");
    order.placed.setTime(2000);
    assertThat(copy.items).containsExactly("apple");
    assertThat(copy.placed.getTime()).isEqualTo(1000);
  }

  @Test
  void arraysOfPrimitivesAreClonedAndArraysOfObjectsDeepCopied() {
    byte[] bytes = {1, 2, 3};
    byte[] copy = copier.copy(bytes);
    assertThat(copy).isNotSameAs(bytes).containsExactly(1, 2, 3);
    bytes[0] = 9;
    assertThat(copy[0]).as("the copy does not follow the original").isEqualTo((byte) 1);
    for (Object array : List.of(new int[] {1}, new long[] {1}, new char[] {'a'}, new double[] {1},
        new float[] {1}, new short[] {1}, new boolean[] {true})) {
      Object copied = copier.copy(array);
      assertThat(copied).isNotSameAs(array).isEqualTo(array);
    }
    Date[] dates = {new Date(1000)};
    Date[] copiedDates = copier.copy(dates);
    assertThat(copiedDates[0]).isEqualTo(dates[0]).as("elements of an object array are copied too")
        .isNotSameAs(dates[0]);
  }

  @Test
  void jdkImmutableCollectionsAreCopied() {
    Map<String, List<Integer>> value = Map.of("a", List.of(1, 2));
    assertThat(copier.copy(value)).isEqualTo(value);
  }

  @Test
  void readResolveSingletonsKeepTheirIdentity() {
    assertThat(copier.copy(Singleton.INSTANCE)).isSameAs(Singleton.INSTANCE);
  }

  @Test
  void recordsWithoutNoArgConstructorAreCopied() {
    Point point = new Point(1, 2);
    assertThat(copier.copy(point)).isEqualTo(point);
  }

  /** No no-arg constructor, not serializable. */
  static final class Order {
    final String id;
    final List<String> items;
    final Date placed;

    Order(String id, List<String> items, Date placed) {
      this.id = id;
      this.items = items;
      this.placed = placed;
    }
  }

  /** A singleton kept unique by readResolve, as Spring's NullValue is. */
  static final class Singleton implements Serializable {
    static final Singleton INSTANCE = new Singleton();
    private static final long serialVersionUID = 1L;

    private Singleton() {
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }

  @Test
  void recordsWithMutableComponentsAreDeepCopied() {
    Basket basket = new Basket("b-1", new ArrayList<>(List.of("apple")));
    Basket copy = copier.copy(basket);
    assertThat(copy).isNotSameAs(basket).isEqualTo(basket);
    basket.items().add("pear");
    assertThat(copy.items()).containsExactly("apple");
  }

  @Test
  void recordsHoldingOnlyImmutableComponentsAreStillEqualCopies() {
    Point point = new Point(3, 4);
    assertThat(copier.copy(new Line(point, point))).isEqualTo(new Line(point, point));
  }

  record Point(int x, int y) {
  }

  record Line(Point from, Point to) {
  }

  record Basket(String id, List<String> items) {
  }
}
