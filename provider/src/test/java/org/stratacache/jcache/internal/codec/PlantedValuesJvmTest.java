package org.stratacache.jcache.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM with a 256 MB heap that exits on the first {@code OutOfMemoryError} reads every planted
 * value (size claims, zstd bombs, the hash-code bomb) from 20 threads and survives: exit code 0.
 */
class PlantedValuesJvmTest {

  @Test
  void aSmallHeapJvmThatExitsOnOutOfMemorySurvivesEveryPlantedValue() throws Exception {
    Path log = Files.createTempFile("planted-values", ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-XX:+ExitOnOutOfMemoryError", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), PlantedValues.class.getName()))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = child.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertThat(ended).as("the child JVM ended; its output:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("exit code (3: it ran out of memory); its output:%n%s", output).isZero();
    assertThat(output).contains("reads refused");
  }
}
