/**
 * The command line, the process's entry point ({@link org.plenary.cli.Main}, on picocli): {@code
 * serve} (the default), {@code import undl|ungdc}, {@code export} and {@code release}, each with
 * {@code --help}. {@code Launch} decides where the database comes from before Quarkus starts (the
 * configured one, or the embedded PostgreSQL of {@code db/}) and hands the application its settings
 * through {@code LaunchSettings}, a configuration source; the commands' work is done by the
 * packages that own it ({@code ingest.ImportCommand}, {@code dataset.Dumps}, {@code
 * seed.ReleaseCutter}).
 */
package org.plenary.cli;
