package org.stratacache.testing.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code redis-server} executable the test servers run, found once per JVM: {@code REDIS_SERVER}
 * when it names an executable, else the first {@code redis-server} on the PATH, else the binary
 * shipped inside the {@code com.github.codemonstur:embedded-redis} artifact for this platform
 * (Linux x86-64 and arm64, macOS x86-64 and arm64), extracted to a temporary file deleted on exit.
 * Announces on standard error, once, which server the tests use.
 */
public final class RedisBinary {

  /** Resources of the embedded-redis artifact, by {@code os/arch}. */
  private static final Map<String, String> EMBEDDED = Map.of(
      "linux/amd64", "/redis-server-6.2.6-v5-linux-amd64",
      "linux/aarch64", "/redis-server-6.2.7-linux-arm64",
      "mac/amd64", "/redis-server-6.2.6-v5-darwin-amd64",
      "mac/aarch64", "/redis-server-6.2.6-v5-darwin-arm64");
  /** The system property that turns the version assumptions into failures. */
  public static final String REQUIRE_ALL = "strata.test.redis.require-all";
  private static final Pattern VERSION = Pattern.compile("v=(\\d+)\\.(\\d+)\\.(\\d+)");

  private static RedisBinary found;

  private final Path path;
  private final String origin;
  private final int major;
  private final int minor;

  private RedisBinary(Path path, String origin) throws IOException {
    this.path = path;
    this.origin = origin;
    Matcher version = VERSION.matcher(run(path.toString(), "--version"));
    if (!version.find()) {
      throw new IOException(path + " --version printed no version");
    }
    this.major = Integer.parseInt(version.group(1));
    this.minor = Integer.parseInt(version.group(2));
  }

  /** The binary of this JVM's test servers. */
  public static synchronized RedisBinary get() throws IOException {
    if (found == null) {
      found = locate();
      System.err.printf("[test-redis] redis-server %d.%d %s (%s)%n", found.major, found.minor, found.origin,
          found.path);
    }
    return found;
  }

  /** Where the executable is. */
  public Path path() {
    return path;
  }

  /** Whether this server is at least {@code major.minor} (for tests of features newer servers add). */
  public boolean atLeast(int wantedMajor, int wantedMinor) {
    return major > wantedMajor || major == wantedMajor && minor >= wantedMinor;
  }

  /**
   * Whether the test servers are at least {@code major.minor}; a test of a newer server's feature
   * (sharded pub/sub: 7.0) starts with {@code assumeTrue(RedisBinary.supports(7, 0, "sharded pub/sub"))}.
   * The embedded server is 6.2, so such tests run only where a newer {@code redis-server} is on the
   * PATH. With the system property {@value #REQUIRE_ALL} set to {@code true} (CI's second stage, on
   * the machine's Redis 7) a too-old server fails the test instead, so it cannot pass by skipping.
   * (This module stays free of JUnit: a JUnit 5 artifact here would switch the JUnit 4 suites that
   * depend on it, the TCK's, to another Surefire provider.)
   *
   * @throws AssertionError when the server is too old and {@value #REQUIRE_ALL} is set
   */
  public static boolean supports(int wantedMajor, int wantedMinor, String feature) {
    RedisBinary binary;
    try {
      binary = get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (binary.atLeast(wantedMajor, wantedMinor)) {
      return true;
    }
    String message = feature + " needs redis-server " + wantedMajor + "." + wantedMinor + " or newer; the tests run on "
        + binary.describe();
    if (Boolean.getBoolean(REQUIRE_ALL)) {
      throw new AssertionError(message + ", and " + REQUIRE_ALL + " is set");
    }
    System.err.println("[test-redis] skipped: " + message + " (put a newer redis-server on the PATH to run it)");
    return false;
  }

  /** {@code major.minor} and where the binary came from, for messages. */
  public String describe() {
    return major + "." + minor + " " + origin;
  }

  private static RedisBinary locate() throws IOException {
    String configured = System.getenv("REDIS_SERVER");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return new RedisBinary(Path.of(configured), "from REDIS_SERVER");
    }
    String searchPath = System.getenv("PATH");
    for (String directory : searchPath == null ? new String[0] : searchPath.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "redis-server");
      if (Files.isExecutable(candidate)) {
        return new RedisBinary(candidate, "from the PATH");
      }
    }
    String platform = platform();
    String resource = EMBEDDED.get(platform);
    if (resource == null) {
      throw new IOException("No redis-server on the PATH and no embedded binary for " + platform
          + " (embedded: Linux and macOS on x86-64 and arm64); install Redis 6.2 or newer, or set REDIS_URL");
    }
    try (InputStream in = RedisBinary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("No redis-server on the PATH and the embedded-redis artifact is not on the class"
            + " path: declare org.stratacache:strata-test-redis as a test dependency");
      }
      Path extracted = Files.createTempFile("redis-server-", "");
      extracted.toFile().deleteOnExit();
      Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
      if (!extracted.toFile().setExecutable(true)) {
        throw new IOException("Cannot make " + extracted + " executable");
      }
      return new RedisBinary(extracted, "embedded, from the embedded-redis artifact");
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String family = os.contains("linux") ? "linux" : os.contains("mac") ? "mac" : os;
    String cpu = arch.equals("x86_64") ? "amd64" : arch.equals("arm64") ? "aarch64" : arch;
    return family + "/" + cpu;
  }

  /** Runs this binary with {@code arguments} until it exits (up to 10 s) and returns what it printed. */
  public String probe(String... arguments) throws IOException {
    String[] command = new String[arguments.length + 1];
    command[0] = path.toString();
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    return run(command);
  }

  private static String run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (InputStream in = process.getInputStream()) {
      String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(10, TimeUnit.SECONDS);
      return output;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command[0], e);
    } finally {
      process.destroyForcibly();
    }
  }
}
