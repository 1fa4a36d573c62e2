package io.taskqueue.health.boundary;

import io.taskqueue.duty.boundary.BackgroundDuties;
import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.events.boundary.EventSubscription;
import io.taskqueue.worker.boundary.WorkerPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while every worker loop and every background task (promotion, heartbeat, recovery,
 * reconciliation, cancel watch, statistics) still runs, and so do the threads that publish and
 * relay events. It does not look at PostgreSQL or Redis: an outage of theirs is a readiness matter,
 * and restarting this node would not cure it.
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

  @Inject WorkerPool workers;
  @Inject BackgroundDuties duties;
  @Inject EventPublisher publisher;
  @Inject EventSubscription subscription;

  @Override
  public HealthCheckResponse call() {
    long loops = workers.liveLoops();
    long tasks = duties.liveTasks();
    boolean up =
        loops == workers.engineThreads()
            && tasks == duties.taskCount()
            && publisher.isAlive()
            && subscription.isAlive();
    return HealthCheckResponse.named("taskqueue-engine")
        .status(up)
        .withData("workerLoops", loops)
        .withData("workerLoopsExpected", workers.engineThreads())
        .withData("backgroundTasks", tasks)
        .withData("backgroundTasksExpected", duties.taskCount())
        .withData("eventPublisher", publisher.isAlive())
        .withData("eventSubscription", subscription.isAlive())
        .build();
  }
}
