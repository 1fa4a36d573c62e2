package io.taskqueue.worker.boundary;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.job.control.AttemptBatches;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.store.control.StoreErrors;
import io.taskqueue.worker.control.ClaimFeed;
import io.taskqueue.worker.control.CompletionWriter;
import io.taskqueue.worker.control.HandBack;
import io.taskqueue.worker.control.JobExecution;
import io.taskqueue.worker.control.NodeIdentity;
import io.taskqueue.worker.control.PrefetchWindow;
import io.taskqueue.worker.control.RunningAttempts;
import io.taskqueue.worker.control.WorkerLoop;
import io.taskqueue.worker.control.WorkerRegistry;
import io.taskqueue.worker.control.WorkerState;
import io.taskqueue.worker.entity.NodeHealth;
import io.taskqueue.worker.entity.WorkerHealth;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's workers: {@code taskqueue.workers} loops, each on its own container-managed thread,
 * fed by one claimer ({@link ClaimFeed}) and recording successes through one writer ({@link
 * CompletionWriter}); started once the schema is migrated and stopped when the application stops.
 *
 * <p>The threads come from the container's ManagedThreadFactory, the Jakarta Concurrency way to run
 * long-lived loops: the default ManagedExecutorService is shared and sized for short tasks, and on
 * Payara Micro a {@code @ManagedExecutorDefinition} in the EJB module fails its lookup.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
public class WorkerPool {

  static final int MAX_WORKERS = 256;
  static final int MAX_BATCH = 5_000;
  private static final long MIN_WRITE_WAIT_MS = 2_000;
  private static final long MIGRATION_POLL_MS = 1_000;
  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

  @Resource ManagedThreadFactory threads;

  @Inject DispatchQueue dispatch;
  @Inject Leases redisLeases;
  @Inject JobExecution execution;
  @Inject AttemptBatches batches;
  @Inject CompletionWriter completions;
  @Inject NodeIdentity node;
  @Inject RunningAttempts leases;
  @Inject HandBack handBack;
  @Inject WorkerRegistry registry;
  @Inject EventPublisher events;
  @Inject StoreErrors errors;
  @Inject DatabaseSetup database;

  @Inject
  @ConfigProperty(name = "taskqueue.shutdown-grace-ms", defaultValue = "10000")
  long shutdownGraceMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.workers")
  int workers;

  @Inject
  @ConfigProperty(name = "taskqueue.lease-ms")
  long leaseMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.worker.batch", defaultValue = "500")
  int maxBatch;

  private volatile boolean running;
  private volatile boolean started;
  private volatile boolean writing;
  private final Object launching = new Object();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private ExecutorService executor;
  private final List<Future<?>> loops = new CopyOnWriteArrayList<>();
  private volatile Future<?> claimer;
  private volatile Future<?> writer;
  private final List<WorkerState> states = new CopyOnWriteArrayList<>();
  private final Instant startedAt = Instant.now();

  @PostConstruct
  void start() {
    if (workers < 0 || workers > MAX_WORKERS) {
      throw new IllegalStateException(
          "taskqueue.workers must be between 0 and " + MAX_WORKERS + ", not " + workers);
    }
    if (maxBatch < 1 || maxBatch > MAX_BATCH) {
      throw new IllegalStateException(
          "taskqueue.worker.batch must be between 1 and " + MAX_BATCH + ", not " + maxBatch);
    }
    running = true;
    writing = true;
    executor = Executors.newFixedThreadPool(workers + 3, threads);
    executor.submit(this::launchWhenMigrated);
  }

  /**
   * Starts the loops once the schema is up to date: a node that boots while PostgreSQL is away
   * claims nothing until its database answers (see {@link DatabaseSetup}). Gives up only when the
   * node stops first.
   */
  private void launchWhenMigrated() {
    try {
      while (isRunning() && !database.awaitMigrated(MIGRATION_POLL_MS)) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
      synchronized (launching) {
        if (!isRunning()) {
          return;
        }
        launch();
        started = true;
      }
    } catch (Throwable e) {
      LOG.log(Level.SEVERE, "Could not start the workers; this node stays not-ready", e);
      return;
    }
    LOG.info(() -> "Started " + workers + " workers on node " + node.nodeId());
    events.publishLater(List.of(JobEvent.ofWorker(EventType.WORKER_UP, node.nodeId(), "running")));
  }

  private void launch() {
    String nodeId = node.nodeId();
    if (workers > 0) {
      PrefetchWindow window = new PrefetchWindow(workers, maxBatch);
      ClaimFeed feed =
          new ClaimFeed(
              dispatch,
              redisLeases,
              batches,
              leases,
              nodeId,
              Duration.ofMillis(leaseMillis),
              window,
              this::isRunning,
              errors::record);
      claimer = executor.submit(feed);
      writer = executor.submit(() -> completions.run(() -> writing));
      for (int i = 1; i <= workers; i++) {
        WorkerState state = new WorkerState(nodeId + "/w" + i);
        states.add(state);
        loops.add(
            executor.submit(
                new WorkerLoop(state, feed, window, execution, this::isRunning, errors::record)));
      }
    }
  }

  /** This node and its threads right now, as its heartbeat reports them. */
  public NodeHealth health() {
    List<WorkerHealth> threads = states.stream().map(WorkerState::snapshot).toList();
    long busy = threads.stream().filter(t -> t.currentJob() != null).count();
    return new NodeHealth(
        node.nodeId(),
        stopping.get() ? "stopping" : "running",
        startedAt,
        Instant.now(),
        states.size(),
        states.isEmpty() ? 0 : (double) busy / states.size(),
        threads);
  }

  public boolean isRunning() {
    return running;
  }

  /** Whether the loops were started (the schema was up to date in time) and not stopped. */
  public boolean isStarted() {
    return started && running;
  }

  public int size() {
    return loops.size();
  }

  /** Threads this node's engine runs: the worker loops, its claimer and its writer. */
  public int engineThreads() {
    return loops.size() + (claimer != null ? 2 : 0);
  }

  /** Engine threads still running: fewer than {@link #engineThreads()} means one died. */
  public long liveLoops() {
    long live = loops.stream().filter(loop -> !loop.isDone()).count();
    if (claimer != null) {
      live += (claimer.isDone() ? 0 : 1) + (writer.isDone() ? 0 : 1);
    }
    return live;
  }

  @PreDestroy
  void destroy() {
    stopGracefully();
  }

  /**
   * Graceful shutdown: stop claiming, give running jobs {@code taskqueue.shutdown-grace-ms} to
   * finish, then hand the rest back to the queue at once (not after their leases expire) and
   * interrupt their handlers, whose late outcomes the fences then reject. Runs once; called by
   * {@code @PreDestroy} on Payara Server and by the web module's context listener on Payara Micro,
   * which does not destroy EJB singletons when it stops.
   */
  public void stopGracefully() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    synchronized (launching) {
      running = false;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownGraceMillis);
    for (Future<?> loop : loops) {
      try {
        loop.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        // handed back below
      }
    }
    writing = false;
    awaitWrites(deadline);
    handBack.all(leases.claims());
    loops.forEach(loop -> loop.cancel(true));
    loops.clear();
    if (claimer != null) {
      claimer.cancel(true);
      writer.cancel(true);
    }
    executor.shutdownNow();
    announceStopped();
  }

  /** Lets the writer record the successes already run (they need no hand-back). */
  private void awaitWrites(long deadline) {
    try {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      completions.awaitWritten(Math.max(left, MIN_WRITE_WAIT_MS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Synchronous: the JVM may exit right after, before a buffered event would go out. */
  private void announceStopped() {
    try {
      registry.remove(node.nodeId());
    } catch (RuntimeException e) {
      LOG.fine(() -> "Could not remove this node's heartbeat; it expires by itself: " + e);
    }
    events.publishNow(List.of(JobEvent.ofWorker(EventType.WORKER_DOWN, node.nodeId(), "stopped")));
  }
}
