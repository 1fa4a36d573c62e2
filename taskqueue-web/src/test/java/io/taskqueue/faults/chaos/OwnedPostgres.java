package io.taskqueue.faults.chaos;

import io.taskqueue.launcher.control.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A durable PostgreSQL on 127.0.0.1 that the soak can stop in "immediate" mode (SIGQUIT to the
 * postmaster: no checkpoint, connections cut, crash recovery on the next start, as after a power
 * loss of the server process) and start again on the same port and data directory.
 */
final class OwnedPostgres implements AutoCloseable {

  private static final Duration STOP = Duration.ofSeconds(30);

  private final Path data;
  private final int port;
  private EmbeddedPostgresServer server;

  OwnedPostgres(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  synchronized void start() {
    server = EmbeddedPostgresServer.start(data, port, true);
  }

  synchronized boolean isUp() {
    return server != null;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /**
   * Immediate shutdown, then waits (bounded) until the postmaster is gone. The server object is
   * closed afterwards only to release the data-directory lock its library holds in this JVM; its
   * own "stop" then finds no server and just logs so.
   */
  synchronized void stopImmediately() throws IOException, InterruptedException {
    Optional<ProcessHandle> postmaster = postmaster();
    if (postmaster.isPresent()) {
      int exit =
          new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster.get().pid()))
              .start()
              .waitFor();
      if (exit != 0) {
        throw new IOException("kill -QUIT of the postmaster failed with " + exit);
      }
      long deadline = System.nanoTime() + STOP.toNanos();
      while (postmaster.get().isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /**
   * The postmaster, from the first line of {@code postmaster.pid}; empty when it is not running.
   */
  private Optional<ProcessHandle> postmaster() throws IOException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    String first = Files.readAllLines(pidFile).get(0).trim();
    return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive);
  }

  /**
   * A fast shutdown at the end; a killed postmaster is not a child of this JVM, so stop it here.
   */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
