package org.plenary.cli;

import io.quarkus.bootstrap.logging.InitialConfigurator;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.logging.Handler;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * The log of a command the launcher runs without the framework ({@link Launch}): until Quarkus
 * configures logging, what is logged waits in its start's queue, and without a start it would never
 * be written. This writes it, and what follows, to the console at INFO, in the service's own format
 * ({@code quarkus.log.console.format} of the packaged configuration, or {@code
 * QUARKUS_LOG_CONSOLE_FORMAT}).
 */
final class DirectLogging {
  private DirectLogging() {}

  static void toConsole() {
    ConsoleHandler console = new ConsoleHandler(new PatternFormatter(format()));
    console.setLevel(java.util.logging.Level.INFO);
    InitialConfigurator.DELAYED_HANDLER.setHandlers(new Handler[] {console});
  }

  private static String format() {
    String env = System.getenv("QUARKUS_LOG_CONSOLE_FORMAT");
    if (env != null && !env.isBlank()) {
      return env;
    }
    Properties p = new Properties();
    try (InputStream in =
        DirectLogging.class.getClassLoader().getResourceAsStream("application.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // the default below
    }
    return p.getProperty("quarkus.log.console.format", "%d{HH:mm:ss} %-5p [%c{2.}] %s%e%n");
  }
}
