package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.QueueSnapshot;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Polls {@code GET /api/queues} until the queues reach a state, or a deadline passes. */
public final class QueueWatch {

  /** How long the backlog may stay the same size before the server is taken to be stuck. */
  private static final Duration STALL = Duration.ofSeconds(60);

  private final TaskqueueApi api;
  private final PrintStream log;

  public QueueWatch(TaskqueueApi api, PrintStream log) {
    this.api = api;
    this.log = log;
  }

  public QueueSnapshot snapshot() throws IOException, InterruptedException {
    return api.queues();
  }

  /**
   * Waits until no job is queued, running or retrying, so that a run does not measure the jobs an
   * earlier run left behind. There is no fixed deadline, as a big backlog at 400 jobs/s takes
   * minutes; it gives up when the backlog has not shrunk for a minute.
   */
  public void awaitIdle() throws IOException, InterruptedException, TimeoutException {
    long best = Long.MAX_VALUE;
    long bestAt = System.nanoTime();
    long toldAt = System.nanoTime();
    for (QueueSnapshot queues = snapshot(); queues.unfinished() > 0; queues = snapshot()) {
      long now = System.nanoTime();
      if (queues.unfinished() < best) {
        best = queues.unfinished();
        bestAt = now;
      } else if (now - bestAt > STALL.toNanos()) {
        throw new TimeoutException(
            queues.unfinished()
                + " unfinished jobs have not moved for "
                + STALL.toSeconds()
                + " s");
      }
      if (now - toldAt > 10_000_000_000L) {
        log.printf("  waiting for %,d unfinished jobs of earlier runs%n", queues.unfinished());
        toldAt = now;
      }
      Thread.sleep(200);
    }
  }

  /**
   * Polls every {@code poll} until {@code reached} holds; returns the snapshot that satisfied it.
   */
  public QueueSnapshot await(
      String what, Predicate<QueueSnapshot> reached, Duration poll, Duration deadline)
      throws IOException, InterruptedException, TimeoutException {
    long giveUp = System.nanoTime() + deadline.toNanos();
    while (true) {
      QueueSnapshot queues = snapshot();
      if (reached.test(queues)) {
        return queues;
      }
      if (System.nanoTime() > giveUp) {
        throw new TimeoutException(
            "no " + what + " after " + deadline.toSeconds() + " s; last seen " + queues);
      }
      Thread.sleep(poll.toMillis());
    }
  }

  /** A deadline generous for any server this bench measures: 2 minutes, or 200 jobs/s. */
  public static Duration deadlineFor(long jobs) {
    return Duration.ofSeconds(Math.max(120, jobs / 200));
  }
}
