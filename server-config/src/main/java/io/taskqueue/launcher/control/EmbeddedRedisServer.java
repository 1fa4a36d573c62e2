package io.taskqueue.launcher.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/** A real Redis 6.2 from the embedded-redis binaries, listening on 127.0.0.1 only. */
public final class EmbeddedRedisServer implements AutoCloseable {

  private final RedisServer server;
  private final int port;

  private EmbeddedRedisServer(RedisServer server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts Redis on {@code port}.
   *
   * @param dataDirectory where the append-only file lives when {@code durable}, so that queued jobs
   *     survive a restart of the local stack; tests run without persistence
   */
  public static EmbeddedRedisServer start(Path dataDirectory, int port, boolean durable) {
    try {
      Files.createDirectories(dataDirectory);
      RedisServer server =
          RedisServer.newRedisServer()
              .port(port)
              .bind("127.0.0.1")
              .setting("dir " + dataDirectory.toAbsolutePath())
              .setting("save \"\"")
              .setting("appendonly " + (durable ? "yes" : "no"))
              .setting("appendfsync everysec")
              .build();
      server.start();
      return new EmbeddedRedisServer(server, port);
    } catch (IOException e) {
      throw new UncheckedIOException("Redis did not start", e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
