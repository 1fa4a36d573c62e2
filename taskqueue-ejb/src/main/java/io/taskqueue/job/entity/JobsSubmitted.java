package io.taskqueue.job.entity;

import io.taskqueue.queue.entity.QueuedJob;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fired inside the transaction that stored (or re-queued) jobs; observed after it commits, when the
 * jobs are handed to Redis. {@code dispatched} tells the submitter whether Redis took them.
 */
public record JobsSubmitted(List<QueuedJob> jobs, AtomicBoolean dispatched) {

  public JobsSubmitted(List<QueuedJob> jobs) {
    this(jobs, new AtomicBoolean());
  }
}
