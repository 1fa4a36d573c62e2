package io.taskqueue.worker.control;

import io.taskqueue.queue.boundary.DispatchQueue;
import io.taskqueue.queue.entity.Claim;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker thread: claim a job, run it, repeat; when no job waits, block on the wake list until
 * one is enqueued. On an infrastructure error (Redis or PostgreSQL away) it waits a second and
 * tries again, so an outage costs no CPU and heals by itself.
 */
public final class WorkerLoop implements Runnable {

  private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());
  private static final Duration IDLE_WAIT = Duration.ofSeconds(5);
  private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

  private final WorkerState state;
  private final String workerId;
  private final DispatchQueue dispatch;
  private final JobExecution execution;
  private final Duration lease;
  private final BooleanSupplier running;
  private final Consumer<Throwable> errors;

  public WorkerLoop(
      WorkerState state,
      DispatchQueue dispatch,
      JobExecution execution,
      Duration lease,
      BooleanSupplier running,
      Consumer<Throwable> errors) {
    this.state = state;
    this.workerId = state.workerId();
    this.dispatch = dispatch;
    this.execution = execution;
    this.lease = lease;
    this.running = running;
    this.errors = errors;
  }

  @Override
  public void run() {
    LOG.info(() -> "Worker " + workerId + " started");
    boolean woken = false;
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        Optional<Claim> claim = dispatch.claim(workerId, lease, woken);
        woken = false;
        if (claim.isPresent()) {
          state.busyWith(claim.get().jobId());
          ExecutionOutcome outcome = ExecutionOutcome.NOT_RUN;
          try {
            outcome = execution.run(claim.get(), workerId);
          } finally {
            state.finished(outcome);
          }
        } else {
          woken = dispatch.awaitWork(IDLE_WAIT);
        }
      } catch (RuntimeException e) {
        errors.accept(e);
        LOG.log(Level.WARNING, "Worker " + workerId + " hit an error; pausing", e);
        if (!pause()) {
          break;
        }
      }
    }
    LOG.info(() -> "Worker " + workerId + " stopped");
  }

  private boolean pause() {
    try {
      Thread.sleep(ERROR_PAUSE.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
