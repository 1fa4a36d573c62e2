package io.taskqueue.worker.control;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * How many jobs a node holds beyond its busy workers: enough for the workers to finish in {@link
 * #HORIZON} at the run time measured so far (a moving average), at most {@code maxBatch}. Short
 * jobs are then claimed and started hundreds per round trip; jobs of a second or more one per idle
 * worker. The claimer asks again when half the window is used up.
 */
public final class PrefetchWindow {

  static final Duration HORIZON = Duration.ofMillis(20);
  private static final double SMOOTHING = 0.05;

  private final int workers;
  private final int maxBatch;
  private int inFlight; // claimed and not yet run to an outcome; guarded by this
  // Until jobs were measured, assume they are slow: a node that claimed ahead and then died would
  // cost each job it held an attempt it never ran.
  private double averageRunNanos = Duration.ofSeconds(1).toNanos(); // guarded by this
  private boolean claimerWaiting; // guarded by this

  public PrefetchWindow(int workers, int maxBatch) {
    this.workers = workers;
    this.maxBatch = Math.max(1, maxBatch);
  }

  /** Jobs held beyond one per worker. */
  synchronized int prefetch() {
    double perJob = Math.max(averageRunNanos, 1_000);
    return (int) Math.min(maxBatch, workers * (HORIZON.toNanos() / perJob));
  }

  /**
   * Waits until the window has room for a claim worth a round trip; returns how many jobs to claim
   * (0 when {@code running} turned false).
   */
  synchronized int awaitRoom(BooleanSupplier running) throws InterruptedException {
    while (running.getAsBoolean()) {
      int prefetch = prefetch();
      int target = workers + prefetch;
      if (inFlight <= target - Math.max(1, (prefetch + 1) / 2)) {
        return Math.min(maxBatch, target - inFlight);
      }
      claimerWaiting = true;
      wait(1_000);
      claimerWaiting = false;
    }
    return 0;
  }

  synchronized void claimed(int count) {
    inFlight += count;
  }

  /** A worker is done with a job that ran {@code runNanos}. */
  synchronized void finished(long runNanos) {
    inFlight--;
    averageRunNanos += SMOOTHING * (runNanos - averageRunNanos);
    if (claimerWaiting) {
      notifyAll();
    }
  }

  synchronized int inFlight() {
    return inFlight;
  }
}
