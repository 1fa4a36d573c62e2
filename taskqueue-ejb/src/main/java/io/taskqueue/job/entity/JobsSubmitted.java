package io.taskqueue.job.entity;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fired inside the transaction that stored (or re-queued) jobs; observed after it commits, when the
 * jobs' events are published and the jobs handed to Redis, in that order. {@code runAgain} marks
 * dead or cancelled jobs an operator queued again (their last attempt's lease must go); {@code
 * dispatched} tells the submitter whether Redis took them.
 */
public record JobsSubmitted(
    List<QueuedJob> jobs, List<JobEvent> events, boolean runAgain, AtomicBoolean dispatched) {

  /** New jobs. */
  public JobsSubmitted(List<QueuedJob> jobs, List<JobEvent> events) {
    this(jobs, events, false, new AtomicBoolean());
  }

  /** Dead or cancelled jobs queued again by an operator. */
  public static JobsSubmitted runAgain(List<QueuedJob> jobs, List<JobEvent> events) {
    return new JobsSubmitted(jobs, events, true, new AtomicBoolean());
  }
}
