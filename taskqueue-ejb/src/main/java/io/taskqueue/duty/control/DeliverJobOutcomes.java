package io.taskqueue.duty.control;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Delivers the recorded job outcomes to this node's observers, a batch at a time, until fewer than
 * a batch were due or {@code budget} has passed. Every minute, first, it renews this node's
 * registration as a listener (while it has observers) and prunes what nobody observed in time;
 * every node prunes, observers or not.
 */
public final class DeliverJobOutcomes implements Runnable {

  /** The outbox, as {@code OutcomeDelivery} offers it. */
  public interface Outbox {
    boolean listening();

    void register();

    List<Long> due(int limit);

    boolean deliver(long id);

    void postpone(long id, RuntimeException why);

    int prune();
  }

  static final Duration HOUSEKEEPING = Duration.ofMinutes(1);

  private final Outbox outbox;
  private final int batch;
  private final Duration budget;
  private final LongSupplier nanoClock;
  private Long nextHousekeeping;

  public DeliverJobOutcomes(Outbox outbox, int batch, Duration budget, LongSupplier nanoClock) {
    this.outbox = outbox;
    this.batch = batch;
    this.budget = budget;
    this.nanoClock = nanoClock;
  }

  @Override
  public void run() {
    long start = nanoClock.getAsLong();
    if (nextHousekeeping == null || start - nextHousekeeping >= 0) {
      if (outbox.listening()) {
        outbox.register();
      }
      outbox.prune();
      nextHousekeeping = start + HOUSEKEEPING.toNanos();
    }
    if (!outbox.listening()) {
      return;
    }
    List<Long> due;
    do {
      due = outbox.due(batch);
      for (long id : due) {
        try {
          outbox.deliver(id);
        } catch (RuntimeException observerFailed) {
          outbox.postpone(id, observerFailed);
        }
      }
    } while (due.size() == batch && nanoClock.getAsLong() - start < budget.toNanos());
  }
}
