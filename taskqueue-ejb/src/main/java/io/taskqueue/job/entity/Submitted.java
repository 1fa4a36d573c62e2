package io.taskqueue.job.entity;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The result of a submission: the jobs, whether this call created them (false: an earlier one with
 * the same idempotency key did), and, once the transaction has committed, whether Redis took them
 * for dispatch (false: they are stored and will be dispatched once Redis is back).
 */
public record Submitted(List<Job> jobs, boolean created, AtomicBoolean dispatched) {

  public Job job() {
    return jobs.get(0);
  }
}
