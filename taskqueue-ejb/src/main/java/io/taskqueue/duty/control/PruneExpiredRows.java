package io.taskqueue.duty.control;

import io.taskqueue.retention.entity.PruneReport;
import java.util.logging.Logger;

/**
 * Removes finished jobs, expired idempotency keys and audit entries past their retention: one
 * bounded, paced round per run, on one node of the cluster at a time (see {@code
 * retention.control.PruneRound}). A round that stopped at its budget is followed by the next run,
 * so a backlog (the first run after an upgrade, say) goes at a steady pace, not in one burst.
 */
public final class PruneExpiredRows implements Runnable {

  /** One round. */
  @FunctionalInterface
  public interface Round {
    PruneReport run() throws InterruptedException;
  }

  private static final Logger LOG = Logger.getLogger(PruneExpiredRows.class.getName());

  private final Round round;

  public PruneExpiredRows(Round round) {
    this.round = round;
  }

  @Override
  public void run() {
    try {
      PruneReport report = round.run();
      if (report.total() > 0) {
        LOG.info(
            () ->
                "Retention removed "
                    + report.removed()
                    + " in "
                    + report.durationMs()
                    + " ms"
                    + (report.complete() ? "" : "; more next round"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the node is stopping
    }
  }
}
