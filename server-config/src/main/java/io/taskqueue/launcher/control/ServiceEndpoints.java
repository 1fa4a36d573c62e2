package io.taskqueue.launcher.control;

import java.util.Map;

/**
 * Where the application finds PostgreSQL and Redis, in the names of its MicroProfile Config
 * environment variables.
 */
public record ServiceEndpoints(String dbUrl, String dbUser, String dbPassword, String redisUrl) {

  /** The environment variables that hand these endpoints to a taskqueue process. */
  public Map<String, String> asEnvironment() {
    return Map.of(
        "TASKQUEUE_DB_URL", dbUrl,
        "TASKQUEUE_DB_USER", dbUser,
        "TASKQUEUE_DB_PASSWORD", dbPassword,
        "TASKQUEUE_REDIS_URL", redisUrl);
  }

  /** The same endpoints as Java system properties, for a Payara Micro system-properties file. */
  public Map<String, String> asSystemProperties() {
    return Map.of(
        "taskqueue.db.url", dbUrl,
        "taskqueue.db.user", dbUser,
        "taskqueue.db.password", dbPassword,
        "taskqueue.redis.url", redisUrl);
  }
}
