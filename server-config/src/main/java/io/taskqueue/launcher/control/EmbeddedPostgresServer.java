package io.taskqueue.launcher.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL 17 from the zonky binaries, listening on 127.0.0.1 only. */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory}.
   *
   * @param durable keep data across restarts with fsync on (the local stack); tests pass false to
   *     start from an empty, fast, throw-away database
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean durable) {
    Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver(RootlessPostgresBinaries.forCurrentUser(binaries))
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(!durable)
              .setPort(port)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("unix_socket_directories", "")
              .setServerConfig("max_connections", "200")
              // Applications that join taskqueue's database with another one in an XA
              // transaction need prepared transactions (PostgreSQL's default allows none).
              .setServerConfig("max_prepared_transactions", "32");
      if (durable) {
        builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
      }
      return new EmbeddedPostgresServer(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start", e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
