package org.stratacache.jcache.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on loopback in front of a server that can go silent: connections stay open but
 * every byte in either direction is dropped, as when a firewall forgets a connection or a cable is
 * cut, and nothing tells either side. {@link #cut()} then closes every connection, as a reset would.
 */
public final class SilentLink implements AutoCloseable {

  private final ServerSocket listening;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean silent;

  private SilentLink(int targetPort) throws IOException {
    this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::accept, "silent-link-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A link to {@code targetPort} on loopback. */
  public static SilentLink to(int targetPort) {
    try {
      return new SilentLink(targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code redis://} URI of the link. */
  public String uri() {
    return "redis://127.0.0.1:" + listening.getLocalPort();
  }

  /** Drops every byte from now on, in both directions, keeping the connections open. */
  public void goSilent() {
    silent = true;
  }

  /** Closes every connection and forwards new ones again. */
  public void cut() {
    silent = false;
    sockets.forEach(SilentLink::closeQuietly);
    sockets.clear();
  }

  private void accept() {
    while (!listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16_384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (!silent) {
            out.write(buffer, 0, n);
            out.flush();
          }
        }
      } catch (IOException closed) {
        // the other pump or cut() closed the pair
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "silent-link-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    try {
      listening.close();
    } catch (IOException ignored) {
      // already closed
    }
    cut();
  }
}
