package io.taskqueue.job.entity;

import io.taskqueue.events.entity.JobEvent;
import io.taskqueue.queue.entity.QueuedJob;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fired inside the transaction that stored (or re-queued) jobs; observed after it commits, when the
 * jobs' events are published and the jobs handed to Redis, in that order. {@code dispatched} tells
 * the submitter whether Redis took them.
 */
public record JobsSubmitted(List<QueuedJob> jobs, List<JobEvent> events, AtomicBoolean dispatched) {

  public JobsSubmitted(List<QueuedJob> jobs, List<JobEvent> events) {
    this(jobs, events, new AtomicBoolean());
  }
}
