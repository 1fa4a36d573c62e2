package io.taskqueue.worker.boundary;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.worker.control.JobExecution;
import io.taskqueue.worker.control.NodeIdentity;
import io.taskqueue.worker.control.WorkerLoop;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This node's workers: {@code taskqueue.workers} loops on a dedicated ManagedExecutorService,
 * started once the schema is migrated and stopped when the application stops.
 */
@Singleton
@Startup
@DependsOn("DatabaseSetup")
@ManagedExecutorDefinition(name = WorkerPool.EXECUTOR, maxAsync = WorkerPool.MAX_WORKERS)
public class WorkerPool {

  static final String EXECUTOR = "java:app/concurrent/taskqueue-workers";
  static final int MAX_WORKERS = 256;
  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

  @Resource(lookup = EXECUTOR)
  ManagedExecutorService executor;

  @Inject DispatchQueue dispatch;
  @Inject JobExecution execution;
  @Inject NodeIdentity node;

  @Inject
  @ConfigProperty(name = "taskqueue.workers", defaultValue = "4")
  int workers;

  @Inject
  @ConfigProperty(name = "taskqueue.lease-ms", defaultValue = "30000")
  long leaseMillis;

  private volatile boolean running;
  private final List<Future<?>> loops = new ArrayList<>();

  @PostConstruct
  void start() {
    if (workers < 0 || workers > MAX_WORKERS) {
      throw new IllegalStateException(
          "taskqueue.workers must be between 0 and " + MAX_WORKERS + ", not " + workers);
    }
    running = true;
    String nodeId = node.nodeId();
    for (int i = 1; i <= workers; i++) {
      WorkerLoop loop =
          new WorkerLoop(
              nodeId + "/w" + i,
              dispatch,
              execution,
              Duration.ofMillis(leaseMillis),
              this::isRunning);
      loops.add(executor.submit(loop));
    }
    LOG.info(() -> "Started " + workers + " workers on node " + nodeId);
  }

  public boolean isRunning() {
    return running;
  }

  public int size() {
    return loops.size();
  }

  @PreDestroy
  void stop() {
    running = false;
    for (Future<?> loop : loops) {
      try {
        loop.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        loop.cancel(true);
      }
    }
    loops.clear();
  }
}
