package io.taskqueue.example.orders.control;

import java.util.UUID;

/** The shop failed after saving an order: its transaction rolls back, taking the job with it. */
public class OrderFailed extends RuntimeException {

  private final UUID job;

  public OrderFailed(long order, UUID job) {
    super("order " + order + " failed after saving, as asked; its job " + job + " is gone with it");
    this.job = job;
  }

  /** The job the rolled-back transaction had submitted. */
  public UUID job() {
    return job;
  }
}
