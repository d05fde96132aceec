package org.stratacache.jcache.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.runner.Description;
import org.junit.runner.Result;
import org.junit.runner.notification.RunListener;
import org.stratacache.jcache.configuration.Setting;
import org.stratacache.jcache.internal.config.ManagerDefaults;
import org.stratacache.testing.redis.RedisCluster;
import org.stratacache.testing.redis.RedisServer;

/**
 * Makes Redis the default store before a JUnit 4 suite (the TCK's) runs, the way an application
 * would: by naming a Redis URI in the {@code strata.redis-uri} setting (here a server of its own on
 * a free loopback port, or {@code REDIS_URL}) and allowing the packages the suite's values come
 * from, listed in the {@code strata.test.allowed-packages} system property. The suite itself is
 * not touched. With {@code strata.test.redis-topology=cluster} the Redis is a three-master Redis
 * Cluster of its own instead.
 *
 * <p>When the suite ends it writes, to the file named by {@code strata.test.store-report}, how many
 * tests ran and how many commands the Redis servers processed meanwhile, so a check run afterwards
 * can tell a suite that ran on Redis from one that silently ran in memory (a listener Surefire did
 * not install, a default the provider did not pick up).
 */
public final class RedisDefaultStoreListener extends RunListener {

  /** The system property that picks a three-master cluster ({@code cluster}) over a single server. */
  public static final String TOPOLOGY = "strata.test.redis-topology";
  /** The system property naming the report file. */
  public static final String REPORT = "strata.test.store-report";
  private static final Pattern COMMANDS = Pattern.compile("total_commands_processed:(\\d+)");
  private static RedisCluster cluster;

  private List<String> servers;
  private long commandsBefore;

  private static synchronized RedisCluster sharedCluster() {
    if (cluster == null) {
      cluster = RedisCluster.start(3);
      Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
    }
    return cluster;
  }

  @Override
  public void testRunStarted(Description description) {
    boolean onCluster = "cluster".equals(System.getProperty(TOPOLOGY));
    String uri = onCluster ? sharedCluster().uri() : RedisServer.sharedUri();
    servers = onCluster ? sharedCluster().nodes().stream().map(RedisServer::uri).toList() : List.of(uri);
    commandsBefore = commandsProcessed();
    System.setProperty(Setting.REDIS_URI.property(), uri);
    String packages = System.getProperty("strata.test.allowed-packages");
    if (packages != null) {
      System.setProperty(Setting.ALLOWED_PACKAGES.property(), packages);
    }
  }

  @Override
  public void testRunFinished(Result result) {
    String report = System.getProperty(REPORT);
    if (report == null || servers == null) {
      return;
    }
    String figures = "tests=" + result.getRunCount() + " failures=" + result.getFailureCount()
        + " redis-commands=" + (commandsProcessed() - commandsBefore) + System.lineSeparator();
    try {
      Files.writeString(Path.of(report), figures, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long commandsProcessed() {
    long total = 0;
    for (String server : servers) {
      RedisClient client = RedisClient.create(server);
      try (StatefulRedisConnection<String, String> connection = client.connect()) {
        Matcher matcher = COMMANDS.matcher(connection.sync().info("stats"));
        total += matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
      } finally {
        client.shutdown();
      }
    }
    return total;
  }
}
