package io.taskqueue.duty.control;

import io.taskqueue.recurring.entity.FiredRound;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Fires the recurring schedules that are due, a batch per transaction, until fewer than a batch
 * were due or {@code budget} has passed (so a minute with thousands of schedules is drained at
 * once, by every node that is up, each taking the schedules the others have not locked).
 */
public final class FireDueSchedules implements Runnable {

  private final BooleanSupplier anyDue;
  private final IntFunction<FiredRound> fireBatch;
  private final int batch;
  private final Duration budget;
  private final LongSupplier nanoClock;

  public FireDueSchedules(
      BooleanSupplier anyDue,
      IntFunction<FiredRound> fireBatch,
      int batch,
      Duration budget,
      LongSupplier nanoClock) {
    this.anyDue = anyDue;
    this.fireBatch = fireBatch;
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
    FiredRound round;
    do {
      round = fireBatch.apply(batch);
    } while (round.schedules() == batch && nanoClock.getAsLong() - start < budget.toNanos());
  }
}
