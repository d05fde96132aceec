package org.stratacache.integration.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stratacache.testing.redis.RedisServer;

/**
 * The application packaged by spring-boot-maven-plugin, started with {@code java -jar} as an
 * operator starts it, and checked over HTTP: in memory with nothing configured, then on Redis
 * with {@code strata.redis-uri} alone (health {@code DOWN} while that Redis is stopped).
 */
class PackagedAppIT {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern COUNT = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.]+)");

  @Test
  void inMemoryWithOnlyTheStarterAndAConfigurationFileInsideTheJar() throws Exception {
    try (App app = App.start("--spring.cache.jcache.config=classpath:strata.yaml")) {
      checkCachingAndMetrics(app);
      String health = app.get("/actuator/health").body();
      assertThat(health).contains("\"status\":\"UP\"").contains("\"strata\"");
      assertThat(app.get("/actuator/metrics/cache.gets?tag=cache:orders").statusCode())
          .as("the file's cache exists and is measured").isEqualTo(200);
      assertThat(app.get("/actuator/metrics/cache.gets").body()).as("the manager tag is the bean's name")
          .contains("\"tag\":\"cache.manager\",\"values\":[\"cacheManager\"]");
      assertThat(app.output()).contains("Started BootApp");
    }
  }

  @Test
  void onRedisWithOnlyTheRedisUri() throws Exception {
    try (RedisServer redis = RedisServer.start(); App app = App.start("--strata.redis-uri=" + redis.uri())) {
      checkCachingAndMetrics(app);
      HttpResponse<String> up = app.get("/actuator/health");
      assertThat(up.statusCode()).isEqualTo(200);
      assertThat(up.body()).contains("\"squares\"").contains("\"state\":\"up\"");
      redis.stop();
      HttpResponse<String> down = app.get("/actuator/health");
      assertThat(down.statusCode()).isEqualTo(503);
      assertThat(down.body()).contains("\"status\":\"DOWN\"").contains("\"state\":\"down\"");
    }
  }

  private static void checkCachingAndMetrics(App app) throws Exception {
    assertThat(app.get("/square/12").body()).isEqualTo("144");
    assertThat(app.get("/square/12").body()).isEqualTo("144");
    assertThat(app.get("/computed").body()).isEqualTo("1");
    assertThat(count(app, "/actuator/metrics/cache.gets?tag=cache:squares&tag=result:hit")).isEqualTo(1.0);
    assertThat(count(app, "/actuator/metrics/cache.gets?tag=cache:squares&tag=result:miss")).isEqualTo(1.0);
  }

  private static double count(App app, String path) throws Exception {
    String body = app.get(path).body();
    Matcher matcher = COUNT.matcher(body);
    assertThat(matcher.find()).as(path + ": " + body).isTrue();
    return Double.parseDouble(matcher.group(1));
  }

  /** The packaged application in a process of its own, on a free port. */
  private static final class App implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private App(Process process, Path log, int port) {
      this.process = process;
      this.log = log;
      this.port = port;
    }

    static App start(String... arguments) throws Exception {
      Path jar = Path.of(System.getProperty("app.jar"));
      assertThat(jar).as("the packaged application").exists();
      int port = RedisServer.freePort();
      Path log = Files.createTempFile("boot-app", ".log");
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx256m", "-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
      command.addAll(List.of(arguments));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      App app = new App(process, log, port);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (true) {
        try {
          if (app.get("/actuator/health").statusCode() > 0) {
            return app;
          }
        } catch (ConnectException notYet) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            String output = app.output();
            app.close();
            throw new AssertionError("the application did not start:\n" + output);
          }
          Thread.sleep(250);
        }
      }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String output() throws IOException {
      return Files.readString(log);
    }

    @Override
    public void close() throws IOException {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Files.deleteIfExists(log);
    }
  }
}
