package io.taskqueue.duty.control;

import io.taskqueue.queue.boundary.DispatchQueue;
import java.util.logging.Logger;

/** Moves retrying jobs whose backoff has passed back into their priority lists. */
public final class PromoteDueJobs implements Runnable {

  private static final Logger LOG = Logger.getLogger(PromoteDueJobs.class.getName());

  private final DispatchQueue dispatch;

  public PromoteDueJobs(DispatchQueue dispatch) {
    this.dispatch = dispatch;
  }

  @Override
  public void run() {
    long moved = dispatch.promoteDue();
    if (moved > 0) {
      LOG.fine(() -> "Promoted " + moved + " due job(s)");
    }
  }
}
