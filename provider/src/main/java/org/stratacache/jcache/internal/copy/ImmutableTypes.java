package org.stratacache.jcache.internal.copy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Types whose instances never change, so store-by-value need not copy them. */
final class ImmutableTypes {

  private static final Set<Class<?>> TYPES = Set.of(
      String.class, Boolean.class, Byte.class, Short.class, Character.class, Integer.class, Long.class,
      Float.class, Double.class, BigInteger.class, BigDecimal.class, UUID.class, URI.class, URL.class,
      Locale.class, Currency.class, Pattern.class, Class.class,
      Instant.class, Duration.class, Period.class, LocalDate.class, LocalTime.class, LocalDateTime.class,
      OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, ZoneOffset.class, Year.class,
      YearMonth.class, MonthDay.class);

  private ImmutableTypes() {
  }

  /** Whether {@code object} can be shared instead of copied. */
  static boolean isImmutable(Object object) {
    Class<?> type = object.getClass();
    return TYPES.contains(type) || type.isEnum() || Enum.class.isAssignableFrom(type);
  }
}
