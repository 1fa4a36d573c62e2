package io.taskqueue.launcher.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro in a child JVM, serving the taskqueue WAR on 127.0.0.1.
 *
 * <p>Always started with {@code --nohazelcast} and {@code --disablephonehome}: by default Payara
 * Micro looks for cluster members by multicast on the machine's outer interface, and reports home.
 * The HTTP listener is bound to 127.0.0.1 by a pre-boot command file.
 *
 * <p>Its runtime directory ({@code --rootdir}) lies in the work directory and is deleted once the
 * JVM has ended, however it ended. Without {@code --rootdir}, Payara Micro unpacks 121 MB into a
 * new {@code /tmp/payaramicro-rt*} directory at every start and leaves it behind when killed: the
 * fault tests, which kill nodes on purpose, filled CI's disk that way.
 */
public final class PayaraMicroProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final Path log;
  private final Path rootDirectory;

  private PayaraMicroProcess(Process process, int httpPort, Path log, Path rootDirectory) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
    this.rootDirectory = rootDirectory;
    // Also when the JVM ends by itself (a failed boot, an operator's kill).
    process.onExit().thenRun(this::deleteRootDirectory);
  }

  public static PayaraMicroProcess start(
      Path microJar,
      Path war,
      int httpPort,
      Path workDirectory,
      Map<String, String> environment,
      List<String> jvmOptions) {
    return start(microJar, war, httpPort, workDirectory, environment, jvmOptions, List.of());
  }

  /**
   * Starts Payara Micro with {@code microOptions} besides the usual ones (for example {@code
   * --addlibs} and {@code --postbootcommandfile} for a pool of the server's own).
   */
  public static PayaraMicroProcess start(
      Path microJar,
      Path war,
      int httpPort,
      Path workDirectory,
      Map<String, String> environment,
      List<String> jvmOptions,
      List<String> microOptions) {
    try {
      Files.createDirectories(workDirectory);
      Path preboot = workDirectory.resolve("preboot.asadmin");
      try (InputStream in =
          PayaraMicroProcess.class.getResourceAsStream("/payara/preboot.asadmin")) {
        Files.write(preboot, in.readAllBytes());
      }
      // A fresh one each start: what a killed JVM left there is no state to resume from.
      Path rootDirectory = workDirectory.resolve("payara-root");
      Directories.deleteRecursively(rootDirectory);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(jvmOptions);
      command.addAll(
          List.of(
              "-jar",
              microJar.toString(),
              "--nohazelcast",
              "--disablephonehome",
              "--rootdir",
              rootDirectory.toString(),
              "--port",
              Integer.toString(httpPort),
              "--prebootcommandfile",
              preboot.toString()));
      command.addAll(microOptions);
      command.addAll(List.of("--deploy", war.toString(), "--contextroot", "/"));
      ProcessBuilder builder = new ProcessBuilder(command);
      // glibc gives each thread that allocates its own malloc arena, up to eight per core, and
      // never returns their pages: with many clients, Payara's resident size grew by 200 MB in
      // arenas alone. Two serve a JVM (which allocates its heap itself) as well.
      builder.environment().put("MALLOC_ARENA_MAX", "2");
      builder.environment().putAll(environment);
      builder.redirectErrorStream(true);
      Path log = workDirectory.resolve("payara.log");
      builder.redirectOutput(log.toFile());
      return new PayaraMicroProcess(builder.start(), httpPort, log, rootDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("Payara Micro did not start", e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Where Payara's output goes. */
  public Path log() {
    return log;
  }

  /** Sends a signal ({@code STOP}, {@code CONT}, ...) to the JVM, to simulate a frozen node. */
  public void signal(String name) throws IOException, InterruptedException {
    int exit = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start().waitFor();
    if (exit != 0) {
      throw new IOException("kill -" + name + " " + pid() + " failed with " + exit);
    }
  }

  public int httpPort() {
    return httpPort;
  }

  /**
   * Waits until taskqueue's API answers {@code GET /api/me} (200, or 401 without credentials): an
   * application URL, because Payara's own health endpoint is UP even when the deployment failed.
   * False when the process died or {@code timeout} passed first.
   */
  public boolean awaitApi(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/me"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        // 401 without credentials: the API is deployed and deciding who may call it.
        int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200 || status == 401) {
          return true;
        }
      } catch (IOException notYet) {
        // still booting
      }
      Thread.sleep(250);
    }
    return false;
  }

  /** Kills the JVM at once (SIGKILL): no shutdown hook, no cleanup, as a crash would. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
    deleteRootDirectory();
  }

  public int waitFor() throws InterruptedException {
    int exit = process.waitFor();
    deleteRootDirectory();
    return exit;
  }

  /** Asks Payara to shut down (SIGTERM), and kills it if it has not within 30 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (!process.isAlive()) {
      deleteRootDirectory();
    }
  }

  private synchronized void deleteRootDirectory() {
    try {
      Directories.deleteRecursively(rootDirectory);
    } catch (UncheckedIOException e) {
      System.err.println("taskqueue: could not delete " + rootDirectory + ": " + e.getCause());
    }
  }
}
