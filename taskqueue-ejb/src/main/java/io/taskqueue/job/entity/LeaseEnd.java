package io.taskqueue.job.entity;

import java.time.OffsetDateTime;

/**
 * What ending an attempt's lease without an outcome (recovery of an expired lease, a node's
 * hand-back) found in PostgreSQL (see {@code JobLifecycle}). Only an end that {@link Outcome#MOVED}
 * the job may put it back in Redis: several nodes may end the same lease at once, and only one of
 * them changes the row. ("Release" is kept for a waiting job whose parents let it run.)
 *
 * @param status the job's status afterwards (null when it is {@link Outcome#MISSING} or {@link
 *     Outcome#LOCKED})
 * @param dueAt when a retrying or scheduled job's next attempt is due, or null
 */
public record LeaseEnd(Outcome outcome, JobStatus status, OffsetDateTime dueAt) {

  public enum Outcome {
    /** This call moved the attempt's job (to queued or dead). */
    MOVED,
    /** The job no longer ran under that lease: another actor moved it first. */
    UNCHANGED,
    /** Another transaction holds the job's row; try again later rather than wait. */
    LOCKED,
    /** No such job (deleted). */
    MISSING
  }

  public boolean moved() {
    return outcome == Outcome.MOVED;
  }

  /** When its next attempt is due in ms since the epoch; 0 for now. */
  public long dueMillis() {
    return dueAt == null ? 0 : dueAt.toInstant().toEpochMilli();
  }
}
