package io.taskqueue.launcher.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and Redis for one taskqueue stack: the external services named by {@code
 * TASKQUEUE_DB_URL} (with {@code TASKQUEUE_DB_USER}, {@code TASKQUEUE_DB_PASSWORD}) and {@code
 * TASKQUEUE_REDIS_URL} when set, otherwise embedded ones started here.
 */
public final class BackingServices implements AutoCloseable {

  private final ServiceEndpoints endpoints;
  private final List<AutoCloseable> started;

  private BackingServices(ServiceEndpoints endpoints, List<AutoCloseable> started) {
    this.endpoints = endpoints;
    this.started = started;
  }

  /**
   * Uses the external services the environment names and starts embedded ones for the rest.
   *
   * @param dataDirectory parent of the embedded services' data directories
   * @param durable whether embedded data must survive a restart (see the embedded servers)
   */
  public static BackingServices start(
      Map<String, String> env, Path dataDirectory, int pgPort, int redisPort, boolean durable) {
    List<AutoCloseable> started = new ArrayList<>();
    String dbUrl = env.get("TASKQUEUE_DB_URL");
    String dbUser = env.getOrDefault("TASKQUEUE_DB_USER", "postgres");
    String dbPassword = env.getOrDefault("TASKQUEUE_DB_PASSWORD", "");
    String redisUrl = env.get("TASKQUEUE_REDIS_URL");
    try {
      if (dbUrl == null || dbUrl.isBlank()) {
        EmbeddedPostgresServer pg =
            EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), pgPort, durable);
        started.add(pg);
        dbUrl = pg.jdbcUrl();
        dbUser = "postgres";
        // Embedded PostgreSQL trusts loopback connections; a non-empty value keeps MicroProfile
        // Config from treating the password as missing.
        dbPassword = "postgres";
      }
      if (redisUrl == null || redisUrl.isBlank()) {
        EmbeddedRedisServer redis =
            EmbeddedRedisServer.start(dataDirectory.resolve("redis"), redisPort, durable);
        started.add(redis);
        redisUrl = redis.url();
      }
    } catch (RuntimeException e) {
      new BackingServices(null, started).close();
      throw e;
    }
    return new BackingServices(new ServiceEndpoints(dbUrl, dbUser, dbPassword, redisUrl), started);
  }

  public ServiceEndpoints endpoints() {
    return endpoints;
  }

  /** Whether this stack started an embedded service (and so owns its lifecycle). */
  public boolean startedAny() {
    return !started.isEmpty();
  }

  /** Stops the embedded services in reverse order of start; external ones are left alone. */
  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        System.err.println("taskqueue: could not stop " + started.get(i) + ": " + e.getMessage());
      }
    }
    started.clear();
  }
}
