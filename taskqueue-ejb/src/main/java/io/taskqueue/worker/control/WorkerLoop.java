package io.taskqueue.worker.control;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One worker thread: take the next job this node claimed, run it, repeat. On an infrastructure
 * error (Redis or PostgreSQL away) it waits a second and tries again, so an outage costs no CPU and
 * heals by itself.
 */
public final class WorkerLoop implements Runnable {

  private static final Logger LOG = Logger.getLogger(WorkerLoop.class.getName());
  private static final Duration POLL = Duration.ofMillis(500);

  private final WorkerState state;
  private final String workerId;
  private final ClaimFeed feed;
  private final PrefetchWindow window;
  private final JobExecution execution;
  private final BooleanSupplier running;
  private final Consumer<Throwable> errors;

  public WorkerLoop(
      WorkerState state,
      ClaimFeed feed,
      PrefetchWindow window,
      JobExecution execution,
      BooleanSupplier running,
      Consumer<Throwable> errors) {
    this.state = state;
    this.workerId = state.workerId();
    this.feed = feed;
    this.window = window;
    this.execution = execution;
    this.running = running;
    this.errors = errors;
  }

  @Override
  public void run() {
    LOG.info(() -> "Worker " + workerId + " started");
    while (running.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
      try {
        ClaimedAttempt next = feed.next(POLL);
        if (next != null) {
          runOne(next);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Throwable e) {
        // An Error too: a loop that dies strands what it holds and serves no more.
        errors.accept(e);
        LOG.log(Level.WARNING, "Worker " + workerId + " hit an error; pausing", e);
        if (!ErrorPause.waitOut()) {
          break;
        }
      }
    }
    LOG.info(() -> "Worker " + workerId + " stopped");
  }

  private void runOne(ClaimedAttempt next) {
    state.busyWith(next.claim().jobId());
    long start = System.nanoTime();
    ExecutionOutcome outcome = ExecutionOutcome.NOT_RUN;
    try {
      outcome = execution.run(next, workerId);
    } finally {
      state.finished(outcome);
      window.finished(System.nanoTime() - start);
    }
  }
}
