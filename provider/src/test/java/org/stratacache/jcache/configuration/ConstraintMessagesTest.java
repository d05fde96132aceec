package org.stratacache.jcache.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.internal.config.ConfigurationValidator;

/**
 * Constraint messages read as sentences, with no template left in them, and validating logs nothing
 * (no Bean Validation provider, whose HV000185 warning once appeared here): the log is captured on
 * standard error (slf4j-simple) and through java.util.logging.
 */
class ConstraintMessagesTest {

  @Test
  void durationAndRangeMessagesAreReadableAndNothingIsLogged() {
    PrintStream originalErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> julRecords = new ArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord logRecord) {
        julRecords.add(logRecord.getLoggerName() + ": " + logRecord.getMessage());
      }

      @Override
      public void flush() {
        // nothing buffered
      }

      @Override
      public void close() {
        // nothing held
      }
    };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> ConfigurationValidator.validate("timeouts", StrataConfiguration
          .builder(String.class, String.class).redisTimeout(Duration.ZERO).defaultTtl(Duration.ZERO).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("redisTimeout = PT0S: must be at least 1 ms")
          .hasMessageContaining("defaultTtl = PT0S: must be at least 1 ms")
          .hasMessageNotContaining("${").hasMessageNotContaining("{");
      for (int i = 0; i < 4; i++) {
        assertThatThrownBy(() -> ConfigurationValidator.validate("levels", StrataConfiguration
            .builder(String.class, String.class).compressionLevel(99).compressionThreshold(-1).keyPrefix("a b")
            .redisTimeout(Duration.ofMillis(-5)).build()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("compressionLevel = 99: must be less than or equal to 22")
            .hasMessageContaining("redisTimeout = PT-0.005S: must be at least 1 ms")
            .hasMessageNotContaining("${");
      }
    } finally {
      System.setErr(originalErr);
      root.removeHandler(capture);
    }
    String log = err.toString(StandardCharsets.UTF_8) + String.join("\n", julRecords);
    assertThat(log).doesNotContain("HV000185").doesNotContain("expression");
  }
}
