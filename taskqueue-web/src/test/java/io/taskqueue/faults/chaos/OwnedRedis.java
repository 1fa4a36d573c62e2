package io.taskqueue.faults.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import redis.embedded.core.ExecutableProvider;

/**
 * A redis-server child process of this JVM on 127.0.0.1, with an append-only file, so that the soak
 * can SIGKILL it (which {@code EmbeddedRedisServer} cannot: it hides its process) and start it
 * again on the same port from what the file kept. {@code appendfsync everysec}: a kill may lose the
 * last second of writes, which PostgreSQL-side reconciliation must make good.
 */
final class OwnedRedis implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(30);

  private final Path directory;
  private final int port;
  private Process process;

  OwnedRedis(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  String url() {
    return "redis://127.0.0.1:" + port;
  }

  synchronized boolean isUp() {
    return process != null && process.isAlive();
  }

  /**
   * Starts redis-server and waits until it answers PING (it first replays the append-only file).
   */
  synchronized void start() throws IOException, InterruptedException {
    Files.createDirectories(directory);
    Path config = directory.resolve("redis.conf");
    Files.write(
        config,
        List.of(
            "port " + port,
            "bind 127.0.0.1",
            "dir " + directory.toAbsolutePath(),
            "appendonly yes",
            "appendfsync everysec",
            "save \"\"",
            "daemonize no"));
    ProcessBuilder builder =
        new ProcessBuilder(
            ExecutableProvider.newJarResourceProvider().get().toString(), config.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        ProcessBuilder.Redirect.appendTo(directory.resolve("redis.log").toFile()));
    process = builder.start();
    long deadline = System.nanoTime() + START.toNanos();
    while (!answersPing()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IOException("redis-server did not start; see " + directory.resolve("redis.log"));
      }
      Thread.sleep(100);
    }
  }

  /** SIGKILL: no shutdown, no final fsync, as a crash or an OOM kill would. */
  synchronized void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[5];
      return in.readNBytes(reply, 0, 5) == 5
          && "+PONG".equals(new String(reply, StandardCharsets.US_ASCII));
    } catch (IOException notYet) {
      return false; // still loading, or not listening yet
    }
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
