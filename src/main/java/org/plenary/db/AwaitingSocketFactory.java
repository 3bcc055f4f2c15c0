package org.plenary.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Properties;
import javax.net.SocketFactory;

/**
 * PgJDBC's sockets to an embedded server that may still be starting ({@link
 * EmbeddedDatabase#begin}): each connection first waits until the server accepts connections (for a
 * command, until the new cluster's files are on disk too), then connects as usual. Named in the URL
 * ({@code socketFactory=}, {@link EmbeddedDatabase#jdbcUrlAwaitingStart()}); PgJDBC makes one per
 * connection with the connection's properties, whose {@code PGPORT} names the server. A start that
 * failed fails the connection with its reason.
 */
public final class AwaitingSocketFactory extends SocketFactory {
  private final int port;

  public AwaitingSocketFactory(Properties info) {
    this.port = Integer.parseInt(info.getProperty("PGPORT", "0").split(",")[0].strip());
  }

  private Socket await(Socket socket) throws IOException {
    EmbeddedDatabase db = EmbeddedDatabase.starting(port);
    if (db != null) {
      try {
        db.awaitUsable();
      } catch (RuntimeException e) {
        socket.close();
        throw new IOException("The embedded PostgreSQL did not start: " + e.getMessage(), e);
      }
    }
    return socket;
  }

  @Override
  public Socket createSocket() throws IOException {
    return await(new Socket());
  }

  // the other ways of making a socket (PgJDBC uses the one above), each waiting the same way

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return createSocket(InetAddress.getByName(host), port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return createSocket(InetAddress.getByName(host), port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(
        new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private Socket connected(InetSocketAddress to, InetSocketAddress from) throws IOException {
    Socket s = await(new Socket());
    if (from != null) {
      s.bind(from);
    }
    s.connect(to);
    return s;
  }
}
