package io.taskqueue.health.boundary;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.worker.boundary.WorkerPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated and the worker pool is running. */
@Startup
@ApplicationScoped
public class EngineStarted implements HealthCheck {

  @Inject DatabaseSetup database;
  @Inject WorkerPool workers;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("taskqueue-started")
        .status(database.isMigrated() && workers.isRunning())
        .withData("workers", workers.size())
        .build();
  }
}
