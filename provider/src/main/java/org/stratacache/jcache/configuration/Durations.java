package org.stratacache.jcache.configuration;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lifetimes as people write them: seconds (a number), {@code 30m}, {@code 2h}, {@code 1d}, ISO-8601 {@code PT30M}. */
public final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private Durations() {
  }

  /**
   * Parses {@code value}.
   *
   * @param what the setting's name, for the message when the value is not a positive duration
   * @throws IllegalArgumentException naming the setting, the value and the accepted forms
   */
  public static Duration parse(Object value, String what) {
    if (value instanceof Number number) {
      return positive(Duration.ofMillis(Math.round(number.doubleValue() * 1000)), value, what);
    }
    String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
    Matcher matcher = SHORT.matcher(text);
    if (matcher.matches()) {
      long amount = Long.parseLong(matcher.group(1));
      Duration duration = switch (matcher.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
      return positive(duration, value, what);
    }
    try {
      return positive(Duration.parse(text.toUpperCase(Locale.ROOT)), value, what);
    } catch (DateTimeParseException e) {
      try {
        return positive(Duration.ofSeconds(Long.parseLong(text)), value, what);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException(what + " = '" + value + "' is not a duration: use seconds (7200), "
            + "30m, 2h, 1d or ISO-8601 (PT2H)", e);
      }
    }
  }

  private static Duration positive(Duration duration, Object value, String what) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(what + " = '" + value + "' must be positive");
    }
    return duration;
  }
}
