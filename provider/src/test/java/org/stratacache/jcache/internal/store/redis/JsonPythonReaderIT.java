package org.stratacache.jcache.internal.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.stratacache.jcache.configuration.ManagerDefaults;
import org.stratacache.jcache.configuration.SerializationFormat;
import org.stratacache.jcache.configuration.SerializationSettings;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.configuration.StrataConfiguration;
import org.stratacache.testing.redis.RedisServer;

/**
 * A program in another language reads what a JSON cache wrote: {@code python3} with its standard
 * library only (a raw RESP GET, the two-byte envelope header, {@code json.loads}), against a real Redis.
 */
class JsonPythonReaderIT {

  /** An application value. */
  record Order(String id, List<String> items, int quantity, double price, boolean paid) {
  }

  private static final Order ORDER = new Order("o-1", List.of("apple", "café ☕"), 3, 2.5, true);

  @Test
  void aPythonProgramReadsTheValueACacheWroteAsJson() throws Exception {
    Assumptions.assumeTrue(pythonVersion() != null,
        "python3 is not on the PATH: this test runs a Python reader (CI has python3), so it is skipped here");
    String prefix = RedisTesting.uniquePrefix();
    try (RedisServer server = RedisServer.start()) {
      Properties properties = new Properties();
      properties.setProperty(ManagerDefaults.REDIS_URI, server.uri());
      properties.setProperty(Setting.KEY_PREFIX.property(), prefix);
      CacheManager manager = Caching.getCachingProvider().getCacheManager(URI.create("test:python-" + prefix),
          getClass().getClassLoader(), properties);
      try {
        Cache<String, Order> orders = manager.createCache("orders", StrataConfiguration.builder(String.class,
                Order.class)
            .serialization(SerializationSettings.none().format(SerializationFormat.JSON).allowClass(Order.class))
            .build());
        orders.put("o-1", ORDER);

        String read = python(script(), "127.0.0.1", String.valueOf(server.port()), prefix + ":orders:o-1");

        assertThat(read).as("what Python's json.loads read, dumped with sorted keys").isEqualTo(
            "{\"id\": \"o-1\", \"items\": [\"apple\", \"café ☕\"], \"paid\": true, \"price\": 2.5, \"quantity\": 3}");
        assertThat(orders.get("o-1")).isEqualTo(ORDER);
      } finally {
        manager.close();
      }
    }
  }

  private static Path script() throws URISyntaxException {
    return Path.of(JsonPythonReaderIT.class.getResource("/python/read_strata_value.py").toURI());
  }

  /** {@code python3 --version}, or null when there is no python3 to run. */
  private static String pythonVersion() {
    try {
      return python("--version");
    } catch (IOException | InterruptedException | IllegalStateException e) {
      return null;
    }
  }

  private static String python(Object... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("python3"));
    for (Object argument : arguments) {
      command.add(argument.toString());
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("python3 did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.exitValue() != 0) {
      throw new IllegalStateException("python3 " + arguments[0] + " exited with " + process.exitValue() + ": "
          + output);
    }
    return output;
  }
}
