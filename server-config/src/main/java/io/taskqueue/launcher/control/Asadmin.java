package io.taskqueue.launcher.control;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Server's {@code asadmin}, run with this JVM's JDK ({@code AS_JAVA}), never interactive,
 * each call bounded by a timeout. Everything it says is appended to one log file, each call under a
 * line naming the command, its exit code and how long it took.
 */
final class Asadmin {

  private final Path cli;
  private final Path log;
  private final Map<String, String> environment;

  Asadmin(Path payaraHome, Path log, Map<String, String> environment) {
    this.cli = payaraHome.resolve("glassfish/lib/client/appserver-cli.jar");
    this.log = log;
    this.environment = environment;
  }

  /**
   * Runs {@code asadmin --interactive=false <arguments>} and returns what it printed.
   *
   * @throws IOException when it exits with an error, or has not finished within {@code timeout} (it
   *     is then killed)
   */
  String run(Duration timeout, List<String> arguments) throws IOException {
    if (!Files.isRegularFile(cli)) {
      throw new IOException(cli + " is missing: is Payara Server unpacked there?");
    }
    String javaHome = System.getProperty("java.home");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(javaHome, "bin", "java").toString(),
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-jar",
                cli.toString(),
                "--interactive=false"));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("AS_JAVA", javaHome);
    builder.environment().put("JAVA_HOME", javaHome);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    append("$ asadmin " + String.join(" ", arguments) + "\n");
    long from = Files.size(log);
    long begin = System.nanoTime();
    Process process = builder.start();
    try {
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      String output = readFrom(from);
      String outcome = finished ? "exit " + process.exitValue() : "killed after " + timeout;
      append(String.format("# %s in %.1f s%n", outcome, (System.nanoTime() - begin) / 1e9));
      if (!finished || process.exitValue() != 0) {
        throw new IOException(
            "asadmin "
                + String.join(" ", arguments)
                + ": "
                + outcome
                + "; see "
                + log
                + "\n"
                + output);
      }
      return output;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted: asadmin " + String.join(" ", arguments));
    }
  }

  private String readFrom(long offset) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      byte[] bytes = new byte[(int) Math.max(0, file.length() - offset)];
      file.seek(offset);
      file.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private void append(String line) throws IOException {
    Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
