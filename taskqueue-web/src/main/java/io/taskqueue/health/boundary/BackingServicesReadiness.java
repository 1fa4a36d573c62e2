package io.taskqueue.health.boundary;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.worker.boundary.WorkerPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.RedisClient;

/**
 * Ready while PostgreSQL and Redis answer, the schema is migrated and the workers are started. Goes
 * DOWN as soon as either store is unreachable and UP again when it returns, so a load balancer
 * stops sending submissions to a node that cannot store or dispatch them.
 */
@Readiness
@ApplicationScoped
public class BackingServicesReadiness implements HealthCheck {

  @Inject RedisClient redis;
  @Inject DatabaseSetup database;
  @Inject WorkerPool workers;

  @Override
  public HealthCheckResponse call() {
    String postgres = database.postgresState();
    String redisState = redis();
    boolean migrated = database.isMigrated();
    boolean started = workers.isStarted();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("taskqueue-backing-services")
            .status(postgres.equals("UP") && redisState.equals("UP") && migrated && started)
            .withData("postgres", postgres)
            .withData("redis", redisState)
            .withData("schemaMigrated", migrated)
            .withData("workersStarted", started);
    String waitingFor = database.waitingFor();
    return waitingFor == null
        ? response.build()
        : response.withData("waitingFor", "schema migration: " + waitingFor).build();
  }

  private String redis() {
    try {
      return "PONG".equals(redis.ping()) ? "UP" : "DOWN: no PONG";
    } catch (RuntimeException e) {
      return "DOWN: " + e.getClass().getSimpleName();
    }
  }
}
