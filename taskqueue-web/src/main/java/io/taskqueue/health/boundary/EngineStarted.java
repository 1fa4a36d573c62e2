package io.taskqueue.health.boundary;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.worker.boundary.WorkerPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the schema is migrated and the worker pool is running. Until then it says what the
 * node waits for (a node that boots while PostgreSQL is away retries by itself).
 */
@Startup
@ApplicationScoped
public class EngineStarted implements HealthCheck {

  @Inject DatabaseSetup database;
  @Inject WorkerPool workers;

  @Override
  public HealthCheckResponse call() {
    String waitingFor = database.waitingFor();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("taskqueue-started")
            .status(database.isMigrated() && workers.isStarted())
            .withData("workers", workers.size());
    return waitingFor == null
        ? response.build()
        : response.withData("waitingFor", "schema migration: " + waitingFor).build();
  }
}
