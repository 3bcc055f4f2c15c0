package org.plenary.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every command: prints its usage and exits 0. */
final class Help {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Print this help and exit.")
  boolean requested;
}
