package io.taskqueue.schedule.boundary;

import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.UnfinishedJobs;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.schedule.control.PromoteDueJobs;
import io.taskqueue.schedule.control.ReconcileWithRedis;
import io.taskqueue.schedule.control.RecoverExpiredLeases;
import io.taskqueue.schedule.control.RenewLeases;
import io.taskqueue.schedule.control.StopCancelledAndOverdue;
import io.taskqueue.worker.control.RunningAttempts;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Schedules this node's background tasks (promote due retries, renew held leases, recover expired
 * ones, reconcile Redis with PostgreSQL) on the container's ManagedScheduledExecutorService.
 * Persistent EJB timers are not used: Payara Micro runs without Hazelcast here, which disables
 * them, and these tasks coordinate through Redis anyway.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class BackgroundDuties {

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject DispatchQueue dispatch;
  @Inject JobLifecycle lifecycle;
  @Inject RunningAttempts leases;
  @Inject UnfinishedJobs unfinished;

  @Inject
  @ConfigProperty(name = "taskqueue.reconcile-interval-ms", defaultValue = "10000")
  long reconcileIntervalMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.lease-ms")
  long leaseMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.recover-interval-ms", defaultValue = "1000")
  long recoverIntervalMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.promote-interval-ms", defaultValue = "1000")
  long promoteIntervalMillis;

  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();

  @PostConstruct
  void start() {
    every(promoteIntervalMillis, new PromoteDueJobs(dispatch));
    every(leaseMillis / 3, new RenewLeases(leases, dispatch, Duration.ofMillis(leaseMillis)));
    every(recoverIntervalMillis, new RecoverExpiredLeases(dispatch, lifecycle));
    every(
        reconcileIntervalMillis,
        new ReconcileWithRedis(unfinished, lifecycle, dispatch, Duration.ofSeconds(5)));
    every(500, new StopCancelledAndOverdue(leases, dispatch));
  }

  private void every(long millis, Runnable task) {
    scheduled.add(scheduler.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS));
  }

  /** Scheduled tasks still scheduled (a task that threw would be done: none may). */
  public long liveTasks() {
    return scheduled.stream().filter(task -> !task.isDone()).count();
  }

  public int taskCount() {
    return scheduled.size();
  }

  @PreDestroy
  void stop() {
    scheduled.forEach(f -> f.cancel(false));
  }
}
