package org.plenary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the service and the test database, so that a test can take the database away
 * under a running service and bring it back (the outage tests): while the system property {@value
 * #CUT} is "true", every relayed connection is closed and new ones are refused at once, as when the
 * database server is down. A system property, because the tests and the resource that starts this
 * relay may live in different class loaders of the one JVM.
 */
public final class DatabaseProxy implements AutoCloseable {
  /** Set to "true" to take the database away; clear it to bring it back. */
  public static final String CUT = "plenary.test.database-cut";

  /**
   * "true" once every connection relayed when the database was cut has been closed (outside the
   * {@code plenary.} prefix, whose unknown properties fail the service's start).
   */
  public static final String CUT_DONE = "database-proxy.cut-done";

  private final ServerSocket server;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  public DatabaseProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "database-proxy");
    accept.setDaemon(true);
    accept.start();
    Thread watch = new Thread(this::watch, "database-proxy-cut");
    watch.setDaemon(true);
    watch.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  public static boolean cut() {
    return Boolean.getBoolean(CUT);
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = server.accept();
        if (cut()) {
          client.close();
          continue;
        }
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(targetHost, targetPort), 5000);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[1 << 16];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException ignored) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "database-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Closes every relayed connection while the database is cut. */
  private void watch() {
    while (!closed) {
      if (cut()) {
        for (Socket s : open) {
          closeQuietly(s);
        }
        System.setProperty(CUT_DONE, "true");
      } else {
        System.clearProperty(CUT_DONE);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void closeQuietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    closed = true;
    server.close();
    for (Socket s : open) {
      closeQuietly(s);
    }
  }
}
