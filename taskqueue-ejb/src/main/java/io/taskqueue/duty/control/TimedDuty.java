package io.taskqueue.duty.control;

import java.util.function.LongConsumer;

/**
 * Runs a duty and reports how long it took, in milliseconds, whether it ended well or threw: the
 * cost of each duty (a reconciliation that reads every unfinished job, a pruning round) is visible
 * as a metric before it becomes a problem.
 */
public final class TimedDuty implements Runnable {

  private final Runnable duty;
  private final LongConsumer millis;

  public TimedDuty(Runnable duty, LongConsumer millis) {
    this.duty = duty;
    this.millis = millis;
  }

  @Override
  public void run() {
    long start = System.nanoTime();
    try {
      duty.run();
    } finally {
      millis.accept((System.nanoTime() - start) / 1_000_000);
    }
  }
}
