package io.taskqueue.job.entity;

import java.util.Locale;
import java.util.Optional;

/** Where a job is in its life. Which changes are allowed is {@link AllowedStatusChanges}. */
public enum JobStatus {
  /** Stored and waiting for its parents (the jobs it depends on) to complete; not in Redis. */
  WAITING,
  /** Stored and waiting for its run time ({@code scheduledAt}) in a Redis delayed set. */
  SCHEDULED,
  /** Stored and waiting in a Redis priority list for a worker. */
  QUEUED,
  /** Claimed by a worker whose attempt is in progress. */
  RUNNING,
  /** An attempt failed; the next one waits for its backoff to pass. */
  RETRYING,
  /** An attempt succeeded. Final. */
  COMPLETED,
  /** Every allowed attempt failed. Final until an operator retries it. */
  DEAD,
  /** Stopped by a user before it completed. Final until an operator retries it. */
  CANCELLED;

  /** The lower-case name used in JSON and query parameters. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<JobStatus> fromWireName(String name) {
    for (JobStatus s : values()) {
      if (s.wireName().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a job in this status has finished its run (completed, dead or cancelled): the column
   * {@code final_status} holds the status exactly then, and the list queries filter on it.
   */
  public boolean isFinished() {
    return this == COMPLETED || this == DEAD || this == CANCELLED;
  }

  public boolean isFinal() {
    return AllowedStatusChanges.from(this).isEmpty();
  }
}
