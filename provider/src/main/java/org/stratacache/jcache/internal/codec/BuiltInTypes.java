package org.stratacache.jcache.internal.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JDK types every serializing store accepts, with the ids they are registered under. The
 * order and ids are part of the stored format: never reorder or reuse an id; append new types at
 * the end with the next id, below {@code SerializationSettings.FIRST_USER_ID}.
 */
final class BuiltInTypes {

  /** The first id after Kryo's own (primitives and String take 0 to 9). */
  static final int FIRST_ID = 10;

  /** The built-in types in id order, starting at {@link #FIRST_ID}. */
  static final List<Class<?>> REGISTERED = List.of(
      byte[].class, int[].class, long[].class, double[].class, String[].class, Object[].class,
      ArrayList.class, LinkedList.class, HashMap.class, LinkedHashMap.class, TreeMap.class,
      HashSet.class, LinkedHashSet.class, TreeSet.class, ArrayDeque.class, ConcurrentHashMap.class,
      Date.class, BigDecimal.class, BigInteger.class, UUID.class, URI.class, Locale.class,
      Instant.class, LocalDate.class, LocalDateTime.class, LocalTime.class, ZonedDateTime.class,
      OffsetDateTime.class, Duration.class, Period.class,
      Collections.emptyList().getClass(), Collections.emptyMap().getClass(), Collections.emptySet().getClass(),
      Collections.singletonList(0).getClass(), Collections.singletonMap(0, 0).getClass(),
      Collections.singleton(0).getClass(),
      List.of().getClass(), List.of(0).getClass(), Set.of().getClass(), Set.of(0).getClass(),
      Map.of().getClass(), Map.of(0, 0).getClass(),
      boolean[].class, char[].class, short[].class, float[].class);

  /** Types allowed without registration: boxed primitives and their kin. */
  static final Set<Class<?>> ALLOWED = Set.of(
      String.class, Boolean.class, Byte.class, Short.class, Character.class, Integer.class, Long.class,
      Float.class, Double.class, Void.class, Object.class);

  private BuiltInTypes() {
  }
}
