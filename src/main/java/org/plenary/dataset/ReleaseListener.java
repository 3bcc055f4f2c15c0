package org.plenary.dataset;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.plenary.config.PlenaryConfig;
import org.plenary.release.Publisher;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Keeps replicas on the same release: every instance LISTENs on {@code plenary_release}, which a
 * publishing instance NOTIFYs in the transaction that publishes (delivered at its commit), and
 * reads the dataset state again when told. It also re-reads the state after reconnecting and checks
 * it every few seconds, so a missed notification costs at most that long.
 */
@ApplicationScoped
public class ReleaseListener {
  private static final Logger LOG = Logger.getLogger(ReleaseListener.class);
  private static final int WAIT_MILLIS = 250;
  private static final long CHECK_MILLIS = 5_000;

  @Inject DatasetState state;
  @Inject PlenaryConfig config;

  private volatile boolean running;
  private Thread thread;

  void start(@Observes StartupEvent event) {
    if (config != null && !config.listenForReleases()) {
      return; // a command, not a service (config is null when a test builds a replica by hand)
    }
    running = true;
    thread = new Thread(this::listen, "plenary-release-listener");
    thread.setDaemon(true);
    thread.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void listen() {
    while (running) {
      try (Connection c = connect()) {
        try (Statement s = c.createStatement()) {
          s.execute("listen " + Publisher.CHANNEL);
        }
        refreshIfChanged(c);
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.currentTimeMillis();
        while (running) {
          PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
          if (notes != null && notes.length > 0) {
            refreshIfChanged(c); // not again for this instance's own publication
            lastCheck = System.currentTimeMillis();
          } else if (System.currentTimeMillis() - lastCheck > CHECK_MILLIS) {
            refreshIfChanged(c);
            lastCheck = System.currentTimeMillis();
          }
        }
      } catch (SQLException | RuntimeException e) {
        if (running) {
          LOG.debugf("Release listener reconnecting: %s", e.getMessage());
          sleep();
        }
      }
    }
  }

  /**
   * Re-reads the state when the database holds another checksum than the one loaded here (a release
   * published, or an import made, by another process).
   */
  private void refreshIfChanged(Connection c) throws SQLException {
    DatasetState.Loaded loaded = state.loaded();
    if (loaded == null) {
      return; // the loader refreshes at the end of the first load
    }
    try (Statement s = c.createStatement();
        var rs = s.executeQuery("select checksum, import_checksum from dataset_state")) {
      if (rs.next()
          && !DatasetState.combined(rs.getString(1), rs.getString(2)).equals(loaded.checksum())) {
        state.refresh();
      }
    }
  }

  private static Connection connect() throws SQLException {
    var config = ConfigProvider.getConfig();
    String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
    String user = config.getOptionalValue("quarkus.datasource.username", String.class).orElse(null);
    String password =
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse("");
    return DriverManager.getConnection(url, user, password);
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
