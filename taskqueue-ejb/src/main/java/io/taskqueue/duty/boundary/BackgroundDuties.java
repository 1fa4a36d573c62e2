package io.taskqueue.duty.boundary;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.duty.control.CompleteWaitedJobs;
import io.taskqueue.duty.control.DeliverJobOutcomes;
import io.taskqueue.duty.control.FireDueSchedules;
import io.taskqueue.duty.control.FlushJobTelemetry;
import io.taskqueue.duty.control.GuardedDuty;
import io.taskqueue.duty.control.PromoteDueJobs;
import io.taskqueue.duty.control.PruneExpiredRows;
import io.taskqueue.duty.control.ReconcileWithRedis;
import io.taskqueue.duty.control.RegisterJobTypes;
import io.taskqueue.duty.control.ReleaseWaitingJobs;
import io.taskqueue.duty.control.StopCancelledAndOverdue;
import io.taskqueue.duty.control.StoreDeclaredSchedules;
import io.taskqueue.duty.control.TimedDuty;
import io.taskqueue.duty.control.UnparkOwnTypes;
import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.handler.boundary.ClusterTypes;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.control.JobLifecycle;
import io.taskqueue.job.control.UnfinishedJobs;
import io.taskqueue.lease.boundary.CancelSignals;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.lease.control.RecoverExpiredLeases;
import io.taskqueue.lease.control.RenewLeases;
import io.taskqueue.outcome.boundary.JobCompletions;
import io.taskqueue.outcome.boundary.OutcomeDelivery;
import io.taskqueue.progress.boundary.JobTelemetry;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.boundary.QueuePauses;
import io.taskqueue.queue.boundary.SweepMarks;
import io.taskqueue.recurring.boundary.DeclaredSchedules;
import io.taskqueue.recurring.boundary.Schedules;
import io.taskqueue.retention.boundary.Retention;
import io.taskqueue.stats.control.FlushPeriodStats;
import io.taskqueue.stats.control.FoldJobCounts;
import io.taskqueue.stats.control.PeriodRollup;
import io.taskqueue.stats.control.StatsStore;
import io.taskqueue.store.control.StoreErrors;
import io.taskqueue.worker.boundary.WorkerPool;
import io.taskqueue.worker.control.NodeHeartbeat;
import io.taskqueue.worker.control.NodeIdentity;
import io.taskqueue.worker.control.RunningAttempts;
import io.taskqueue.worker.control.WorkerRegistry;
import io.taskqueue.workflow.boundary.DependencyReleases;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Schedules this node's background tasks (promote due retries, renew held leases, recover expired
 * ones, reconcile Redis with PostgreSQL, watch cancels and timeouts, beat this node's heart, fire
 * due recurring schedules, flush handlers' progress and logs, release waiting jobs whose parents
 * ended, store the schedules declared in code, deliver job outcomes to the application's observers,
 * fold job counts, flush statistics, remove what is past its retention), each on a container thread
 * of its own. Persistent EJB timers are not used: Payara Micro runs without Hazelcast here, which
 * disables them, and these tasks coordinate through Redis and PostgreSQL anyway.
 */
@Singleton
@Startup
@DependsOn({"DatabaseSetup", "WorkerPool"})
public class BackgroundDuties {

  private static final int DUTIES = 17;

  @Resource ManagedThreadFactory threads;

  @Inject DispatchQueue dispatch;
  @Inject DatabaseSetup database;
  @Inject Leases redisLeases;
  @Inject CancelSignals cancelSignals;
  @Inject JobLifecycle lifecycle;
  @Inject RunningAttempts leases;
  @Inject UnfinishedJobs unfinished;
  @Inject QueuePauses pauses;
  @Inject WorkerPool workers;
  @Inject WorkerRegistry registry;
  @Inject EventPublisher events;
  @Inject StatsStore stats;
  @Inject PeriodRollup rollup;
  @Inject NodeIdentity node;
  @Inject StoreErrors errors;
  @Inject Schedules schedules;
  @Inject DeclaredSchedules declaredSchedules;
  @Inject JobTelemetry telemetry;
  @Inject DependencyReleases releases;
  @Inject Retention retention;
  @Inject OutcomeDelivery outcomes;
  @Inject JobHandlers handlers;
  @Inject ClusterTypes clusterTypes;
  @Inject JobCompletions completions;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "taskqueue.workflows.release-interval-ms", defaultValue = "250")
  long releaseIntervalMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.types.interval-ms", defaultValue = "5000")
  long typesIntervalMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.completions.poll-ms", defaultValue = "200")
  long completionsPollMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.listeners.poll-ms", defaultValue = "250")
  long outcomesPollMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.schedules.poll-ms", defaultValue = "1000")
  long schedulesPollMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.schedules.batch", defaultValue = "100")
  int schedulesBatch;

  @Inject
  @ConfigProperty(name = "taskqueue.heartbeat-ms", defaultValue = "2000")
  long heartbeatMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.heartbeat-ttl-ms", defaultValue = "10000")
  long heartbeatTtlMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.reconcile-interval-ms", defaultValue = "10000")
  long reconcileIntervalMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.reconcile-full-interval-ms", defaultValue = "300000")
  long reconcileFullIntervalMillis;

  @Inject SweepMarks sweepMarks;

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
  private ScheduledExecutorService scheduler;

  @PostConstruct
  void start() {
    // A thread per duty: one that waits (on a lock a frozen node holds, on a store that hangs)
    // must not delay lease recovery. Container threads, from the ManagedThreadFactory.
    scheduler = Executors.newScheduledThreadPool(DUTIES, threads);
    every(promoteIntervalMillis, new PromoteDueJobs(dispatch));
    every(leaseMillis / 3, new RenewLeases(leases, redisLeases, Duration.ofMillis(leaseMillis)));
    every(recoverIntervalMillis, new RecoverExpiredLeases(redisLeases, dispatch, lifecycle));
    every(
        reconcileIntervalMillis,
        new ReconcileWithRedis(
            unfinished,
            lifecycle,
            dispatch,
            redisLeases,
            Duration.ofSeconds(5),
            pauses::copyToRedis,
            new ReconcileWithRedis.RedisIdentity() {
              @Override
              public String runId() {
                return sweepMarks.runId();
              }

              @Override
              public boolean marked() {
                return sweepMarks.marked(node.nodeId());
              }

              @Override
              public void mark(Duration ttl) {
                sweepMarks.mark(node.nodeId(), ttl);
              }
            },
            errors::redisErrors,
            Duration.ofMillis(reconcileFullIntervalMillis),
            System::nanoTime));
    every(500, new StopCancelledAndOverdue(leases, cancelSignals));
    every(
        heartbeatMillis,
        new NodeHeartbeat(
            registry,
            workers::health,
            Duration.ofMillis(heartbeatTtlMillis),
            events::publishLater));
    every(
        schedulesPollMillis,
        new FireDueSchedules(
            schedules::anyDue,
            schedules::fireDue,
            schedulesBatch,
            Duration.ofSeconds(5),
            System::nanoTime));
    every(schedulesPollMillis, new StoreDeclaredSchedules(declaredSchedules::storeOnce));
    every(500, new FlushJobTelemetry(telemetry::flush));
    every(
        releaseIntervalMillis,
        new ReleaseWaitingJobs(
            releases::anyDue,
            releases::releaseDue,
            1_000,
            Duration.ofSeconds(5),
            System::nanoTime));
    every(
        outcomesPollMillis,
        new DeliverJobOutcomes(
            new DeliverJobOutcomes.Outbox() {
              @Override
              public boolean listening() {
                return outcomes.listening();
              }

              @Override
              public void register() {
                outcomes.register();
              }

              @Override
              public List<Long> due(int limit) {
                return outcomes.due(limit);
              }

              @Override
              public boolean deliver(long id) {
                return outcomes.deliver(id);
              }

              @Override
              public void postpone(long id, RuntimeException why) {
                outcomes.postpone(id, why);
              }

              @Override
              public int prune() {
                return outcomes.prune();
              }
            },
            100,
            Duration.ofSeconds(5),
            System::nanoTime));
    every(
        typesIntervalMillis,
        new RegisterJobTypes(
            () -> workers.isStarted() && workers.size() > 0,
            () -> clusterTypes.register(node.nodeId()),
            clusterTypes::refresh));
    every(
        500,
        new UnparkOwnTypes(
            () -> workers.isStarted() && workers.size() > 0,
            handlers::runTypes,
            dispatch::unpark,
            100));
    every(completionsPollMillis, new CompleteWaitedJobs(completions::completeFinished));
    every(2_000, new FoldJobCounts(stats));
    every(2_000, new FlushPeriodStats(rollup, stats, node.nodeId()));
    every(retention.interval().toMillis(), new PruneExpiredRows(retention::prune));
  }

  /**
   * Runs {@code task} every {@code millis}, once the schema is up to date: before that (a node
   * booting while PostgreSQL is away) there is nothing a duty could do but fail. How long each run
   * took goes to {@code taskqueue_duty_ms{duty="…"}}.
   */
  private void every(long millis, Runnable task) {
    String name = task.getClass().getSimpleName();
    Histogram took = metrics.histogram("taskqueue.duty.ms", new Tag("duty", name));
    Runnable whenMigrated =
        () -> {
          if (database.isMigrated()) {
            new TimedDuty(task, took::update).run();
          }
        };
    scheduled.add(
        scheduler.scheduleWithFixedDelay(
            new GuardedDuty(whenMigrated, errors::record, name),
            millis,
            millis,
            TimeUnit.MILLISECONDS));
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
    scheduler.shutdownNow();
  }
}
