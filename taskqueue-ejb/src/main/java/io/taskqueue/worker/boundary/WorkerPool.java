package io.taskqueue.worker.boundary;

import io.taskqueue.events.boundary.EventPublisher;
import io.taskqueue.events.entity.EventType;
import io.taskqueue.events.entity.JobEvent;
import io.taskqueue.metrics.control.StoreErrors;
import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.worker.control.HandBack;
import io.taskqueue.worker.control.JobExecution;
import io.taskqueue.worker.control.NodeIdentity;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's workers: {@code taskqueue.workers} loops, each on its own container-managed thread,
 * started once the schema is migrated and stopped when the application stops.
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
  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

  @Resource ManagedThreadFactory threads;

  @Inject DispatchQueue dispatch;
  @Inject JobExecution execution;
  @Inject NodeIdentity node;
  @Inject RunningAttempts leases;
  @Inject HandBack handBack;
  @Inject WorkerRegistry registry;
  @Inject EventPublisher events;
  @Inject StoreErrors errors;

  @Inject
  @ConfigProperty(name = "taskqueue.shutdown-grace-ms", defaultValue = "10000")
  long shutdownGraceMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.workers")
  int workers;

  @Inject
  @ConfigProperty(name = "taskqueue.lease-ms")
  long leaseMillis;

  private volatile boolean running;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private ExecutorService executor;
  private final List<Future<?>> loops = new ArrayList<>();
  private final List<WorkerState> states = new ArrayList<>();
  private final Instant startedAt = Instant.now();

  @PostConstruct
  void start() {
    if (workers < 0 || workers > MAX_WORKERS) {
      throw new IllegalStateException(
          "taskqueue.workers must be between 0 and " + MAX_WORKERS + ", not " + workers);
    }
    running = true;
    executor = Executors.newFixedThreadPool(Math.max(1, workers), threads);
    String nodeId = node.nodeId();
    for (int i = 1; i <= workers; i++) {
      WorkerState state = new WorkerState(nodeId + "/w" + i);
      states.add(state);
      WorkerLoop loop =
          new WorkerLoop(
              state,
              dispatch,
              execution,
              Duration.ofMillis(leaseMillis),
              this::isRunning,
              errors::record);
      loops.add(executor.submit(loop));
    }
    LOG.info(() -> "Started " + workers + " workers on node " + nodeId);
    events.publishLater(List.of(JobEvent.ofWorker(EventType.WORKER_UP, nodeId, "running")));
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

  public int size() {
    return loops.size();
  }

  /** Worker loops still running: fewer than {@link #size()} while running means one died. */
  public long liveLoops() {
    return loops.stream().filter(loop -> !loop.isDone()).count();
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
    running = false;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(shutdownGraceMillis);
    for (Future<?> loop : loops) {
      try {
        loop.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (Exception stillRunning) {
        // handed back below
      }
    }
    handBack.all(leases.claims());
    loops.forEach(loop -> loop.cancel(true));
    loops.clear();
    executor.shutdownNow();
    announceStopped();
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
