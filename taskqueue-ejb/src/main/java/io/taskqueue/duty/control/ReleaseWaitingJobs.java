package io.taskqueue.duty.control;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;

/**
 * Queues (or cancels) the waiting jobs whose parents ended, as the database marked them, a batch
 * per transaction until none is left or {@code budget} has passed. Cancelling a job marks its own
 * children in turn, so a failure travels down a workflow one round per level.
 */
public final class ReleaseWaitingJobs implements Runnable {

  private final BooleanSupplier anyDue;
  private final IntUnaryOperator releaseBatch;
  private final int batch;
  private final Duration budget;
  private final LongSupplier nanoClock;

  public ReleaseWaitingJobs(
      BooleanSupplier anyDue,
      IntUnaryOperator releaseBatch,
      int batch,
      Duration budget,
      LongSupplier nanoClock) {
    this.anyDue = anyDue;
    this.releaseBatch = releaseBatch;
    this.batch = batch;
    this.budget = budget;
    this.nanoClock = nanoClock;
  }

  @Override
  public void run() {
    if (!anyDue.getAsBoolean()) {
      return; // the common case, without opening a transaction
    }
    long start = nanoClock.getAsLong();
    while (releaseBatch.applyAsInt(batch) > 0 && nanoClock.getAsLong() - start < budget.toNanos()) {
      // again: the last batch may have marked more (children of cancelled jobs)
    }
  }
}
