package org.stratacache.tck;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The TCK's Redis runs pass just as well when they silently run in memory (a listener Surefire did
 * not install, a default the provider did not take), so this check, run after them, reads what
 * {@code RedisDefaultStoreListener} reported: every test ran, and the Redis servers processed
 * commands in proportion.
 */
public class TckRanOnRedisIT {

  private static final Pattern FIGURES = Pattern.compile("tests=(\\d+) failures=(\\d+) redis-commands=(\\d+)");

  @Test
  public void theRedisRunRanOnRedis() throws Exception {
    check("tck-redis.txt");
  }

  @Test
  public void theClusterRunRanOnTheCluster() throws Exception {
    check("tck-redis-cluster.txt");
  }

  private static void check(String name) throws Exception {
    Path report = Path.of(System.getProperty("strata.test.store-reports"), name);
    assertTrue(name + " is missing: the run's RedisDefaultStoreListener never finished", Files.exists(report));
    String figures = Files.readString(report, StandardCharsets.UTF_8);
    Matcher matcher = FIGURES.matcher(figures);
    assertTrue(name + ": " + figures, matcher.find());
    long tests = Long.parseLong(matcher.group(1));
    long commands = Long.parseLong(matcher.group(3));
    assertTrue(name + ": only " + tests + " tests ran", tests >= 470);
    assertTrue(name + ": the Redis servers processed only " + commands + " commands during the run", commands >= tests);
  }
}
