package org.stratacache.testing.redis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Redis server for tests. {@link #sharedUri()} is {@code REDIS_URL} when set; otherwise one
 * server started for this JVM on a free loopback port. The binary is the one {@link RedisBinary}
 * finds (the PATH's, or the one shipped in the embedded-redis artifact), so a fresh machine needs
 * nothing installed by hand. Servers keep nothing on disk, and stop and delete their temporary
 * folder when closed or when the JVM exits.
 */
public final class RedisServer implements AutoCloseable {

  private static RedisServer shared;

  private final int port;
  private final Path directory;
  private final List<String> extraArguments;
  private final Path configFile;
  private Process process;

  private RedisServer(int port, List<String> extraArguments, List<String> configLines) throws IOException {
    this.port = port;
    this.extraArguments = extraArguments;
    this.directory = Files.createTempDirectory("strata-redis-" + port);
    this.configFile = configLines.isEmpty() ? null : Files.write(directory.resolve("redis.conf"), configLines);
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
    return launch(List.of(extraArguments), List.of());
  }

  /** A Redis Sentinel of this test's own, on a free loopback port, with these lines in its (writable) config file. */
  public static RedisServer startSentinel(String... configLines) {
    return launch(List.of("--sentinel"), List.of(configLines));
  }

  private static RedisServer launch(List<String> extraArguments, List<String> configLines) {
    RedisServer server;
    try {
      server = new RedisServer(freePort(), extraArguments, configLines);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot make a folder for a Redis server", e);
    }
    try {
      server.run();
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
      return server;
    } catch (IOException e) {
      server.close();
      throw new UncheckedIOException("Cannot start a Redis server", e);
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

  /** Stops the server; {@link #restart()} may start it again. */
  public synchronized void stop() {
    kill();
  }

  /** Stops the server for good and deletes its folder (its log and any config file). */
  @Override
  public synchronized void close() {
    kill();
    deleteDirectory();
  }

  private synchronized void run() throws IOException {
    Files.createDirectories(directory);
    List<String> command = new ArrayList<>(List.of(RedisBinary.get().path().toString(), "--port", String.valueOf(port),
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
        throw new IOException("redis-server exited with " + process.exitValue() + ": " + logTail());
      }
      if (answersPing()) {
        return;
      }
      try {
        wait(20);  // releases the lock while the server starts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("Interrupted while starting Redis", e);
      }
    }
    throw new IOException("Redis did not answer PING on port " + port + " within 20 s");
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(directory.resolve("redis.log"));
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private void deleteDirectory() {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException | UncheckedIOException e) {
      // already gone, or a file still held open: the folder is a temporary one
    }
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

  /** A port no socket listens on right now, on the loopback interface. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
