package org.stratacache.jcache.fuzz;

import java.lang.reflect.Field;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Raises one slf4j-simple logger to ERROR for a while, so that tens of thousands of expected
 * "treated as a miss" warnings do not flood the build log. slf4j-simple fixes a logger's level when
 * the logger is created, possibly by an earlier test in the same JVM, so the level is set by
 * reflection; with another slf4j binding this does nothing.
 */
final class QuietLog implements AutoCloseable {

  private final Object logger;
  private final Field level;
  private final int previous;

  private QuietLog(Object logger, Field level, int previous) {
    this.logger = logger;
    this.level = level;
    this.previous = previous;
  }

  static QuietLog of(String loggerName) {
    Object logger = LoggerFactory.getLogger(loggerName);
    for (Class<?> type = logger.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField("currentLogLevel");
        field.setAccessible(true);
        int previous = field.getInt(logger);
        field.setInt(logger, Level.ERROR.toInt());
        return new QuietLog(logger, field, previous);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (ReflectiveOperationException | RuntimeException e) {
        break;
      }
    }
    return new QuietLog(null, null, 0);
  }

  @Override
  public void close() {
    if (logger != null) {
      try {
        level.setInt(logger, previous);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
