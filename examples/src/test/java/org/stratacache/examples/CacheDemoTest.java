package org.stratacache.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo that README's run command starts runs to the end and reports what it promises. */
class CacheDemoTest {

  @Test
  void demoRunsAndReportsEachScenario() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new CacheDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output)
        .contains("Provider: org.stratacache.jcache.spi.StrataCachingProvider")
        .contains("== 1. Cache-aside")
        .contains("only the 3 missing ones loaded; database reads: 4")
        .contains("700 ms later:    null (expired)")
        .contains("5,000 puts -> 1,000 entries held, 4000 evictions counted")
        .contains("== 5. AI response cache")
        .contains("model calls: 20 of 120 requests (100 calls saved)")
        .containsPattern("invalidateByOperation\\(\"summarize\"\\) removed [1-5] answers");
    assertThat(output).containsPattern("JMX javax.cache:type=CacheStatistics,.*hits=\\d+ misses=\\d+");
  }
}
