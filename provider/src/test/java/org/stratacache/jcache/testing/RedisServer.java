package org.stratacache.jcache.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for tests. {@link #sharedUri()} is {@code REDIS_URL} when set; otherwise one
 * server started for this JVM on a free loopback port. The binary is a {@code redis-server} on the
 * PATH (or at {@code REDIS_SERVER}), else the Linux binary shipped in the embedded-redis artifact,
 * so a fresh machine needs nothing installed by hand. Servers keep nothing on disk and stop with
 * the JVM.
 */
public final class RedisServer implements AutoCloseable {

  private static final String EMBEDDED = "/redis-server-6.2.6-v5-linux-amd64";
  private static RedisServer shared;
  private static Path binary;

  private final int port;
  private final Path directory;
  private final List<String> extraArguments;
  private Path configFile;
  private Process process;

  private RedisServer(int port, List<String> extraArguments) throws IOException {
    this.port = port;
    this.extraArguments = extraArguments;
    this.directory = Files.createTempDirectory("strata-redis-" + port);
  }

  /** The Redis every test may share: {@code REDIS_URL}, or a server started once for this JVM. */
  public static synchronized String sharedUri() {
    String url = System.getenv("REDIS_URL");
    if (url != null && !url.isBlank()) {
      return url;
    }
    if (shared == null) {
      shared = start();
    }
    return shared.uri();
  }

  /** A new server of this test's own, on a free loopback port. */
  public static RedisServer start(String... extraArguments) {
    try {
      RedisServer server = new RedisServer(freePort(), List.of(extraArguments));
      server.run();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a Redis server", e);
    }
  }

  /** A Redis Sentinel of this test's own, on a free loopback port, with these lines in its (writable) config file. */
  public static RedisServer startSentinel(String... configLines) {
    try {
      RedisServer server = new RedisServer(freePort(), List.of("--sentinel"));
      server.configFile = Files.write(server.directory.resolve("sentinel.conf"), List.of(configLines));
      server.run();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start a Redis Sentinel", e);
    }
  }

  /** {@code redis://127.0.0.1:<port>}. */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** The port the server listens on. */
  public int port() {
    return port;
  }

  /** Kills the server at once, as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  /** Starts the server again on the same port (empty: it keeps nothing on disk). */
  public synchronized void restart() {
    kill();
    try {
      run();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restart the Redis server on port " + port, e);
    }
  }

  /** Stops the server. */
  public synchronized void stop() {
    kill();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void run() throws IOException {
    List<String> command = new ArrayList<>(List.of(binary().toString(), "--port", String.valueOf(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "no",
        "--dir", directory.toString()));
    if (configFile != null) {
      command.add(1, configFile.toString());  // a config file must come first
    }
    command.addAll(extraArguments);
    process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(directory.resolve("redis.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("redis-server exited with " + process.exitValue() + "; see "
            + directory.resolve("redis.log"));
      }
      if (answersPing()) {
        return;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while starting Redis", e);
      }
    }
    throw new IOException("Redis did not answer PING on port " + port + " within 20 s");
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(500);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = new byte[7];
      int read = socket.getInputStream().read(reply);
      return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
    } catch (IOException e) {
      return false;
    }
  }

  static synchronized Path binary() throws IOException {
    if (binary != null) {
      return binary;
    }
    String configured = System.getenv("REDIS_SERVER");
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return binary = Path.of(configured);
    }
    String path = System.getenv("PATH");
    for (String directory : path == null ? new String[0] : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory, "redis-server");
      if (Files.isExecutable(candidate)) {
        return binary = candidate;
      }
    }
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IOException("No redis-server on the PATH and no bundled binary for " + os + "/" + arch
          + "; install Redis or set REDIS_URL");
    }
    try (InputStream in = RedisServer.class.getResourceAsStream(EMBEDDED)) {
      if (in == null) {
        throw new IOException("No redis-server on the PATH and the embedded-redis artifact is missing");
      }
      Path extracted = Files.createTempFile("redis-server-", "");
      Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
      if (!extracted.toFile().setExecutable(true)) {
        throw new IOException("Cannot make " + extracted + " executable");
      }
      extracted.toFile().deleteOnExit();
      return binary = extracted;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
