package io.taskqueue.job.entity;

import static io.taskqueue.job.entity.JobStatus.CANCELLED;
import static io.taskqueue.job.entity.JobStatus.COMPLETED;
import static io.taskqueue.job.entity.JobStatus.DEAD;
import static io.taskqueue.job.entity.JobStatus.QUEUED;
import static io.taskqueue.job.entity.JobStatus.RETRYING;
import static io.taskqueue.job.entity.JobStatus.RUNNING;
import static io.taskqueue.job.entity.JobStatus.SCHEDULED;
import static io.taskqueue.job.entity.JobStatus.WAITING;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every way a job's status changes, each with the statuses it may start from and the one it leads
 * to. Every status write names its verb, and its SQL guard ({@code WHERE status IN ...}) is the
 * verb's {@link #guard()}: no write hard-codes statuses of its own. Each verb's moves must be
 * allowed by {@link AllowedStatusChanges} (checked when this class loads), and together the verbs
 * use every move the table allows.
 */
public enum StatusVerb {
  /** A worker starts the job's next attempt (also fenced by the due time). */
  START(RUNNING, SCHEDULED, QUEUED, RETRYING),
  /** The attempt succeeded (fenced by attempt and lease). */
  COMPLETE(COMPLETED, RUNNING),
  /** The attempt failed and another is due later (fenced by attempt and lease). */
  RETRY_LATER(RETRYING, RUNNING),
  /** The last allowed attempt failed, or the failure is not retryable. */
  BURY(DEAD, RUNNING),
  /** The attempt's lease expired (its node died or froze): queued again. Fenced by the lease. */
  RECOVER(QUEUED, RUNNING),
  /** The lease of the job's last allowed attempt expired: dead. Fenced by the lease. */
  RECOVER_LAST(DEAD, RUNNING),
  /** The attempt's node is stopping: queued again at once. Fenced by the lease. */
  HAND_BACK(QUEUED, RUNNING),
  /** A user cancels a job that has not finished. */
  CANCEL(CANCELLED, WAITING, SCHEDULED, QUEUED, RUNNING, RETRYING),
  /** The last parent of a waiting job completed (or ended, for a child that runs anyway). */
  RELEASE(QUEUED, WAITING),
  /** A parent of a waiting job ended dead or cancelled, and the job's policy is to cancel. */
  CANCEL_FOR_PARENT(CANCELLED, WAITING),
  /** An operator runs a dead or cancelled job again. */
  OPERATOR_RETRY(QUEUED, DEAD, CANCELLED),
  /**
   * An operator retries a parent with its dependents: a child that the parent's failure cancelled
   * waits for it again.
   */
  REWAIT(WAITING, CANCELLED);

  private final JobStatus target;
  private final Set<JobStatus> sources;
  private final String guard;

  StatusVerb(JobStatus target, JobStatus first, JobStatus... more) {
    this.target = target;
    this.sources = EnumSet.of(first, more);
    for (JobStatus from : sources) {
      if (!AllowedStatusChanges.isAllowed(from, target)) {
        throw new IllegalStateException(name() + ": " + from + " -> " + target + " is not allowed");
      }
    }
    // Enum names only: safe to inline, and the same text for JDBC, JPQL-free native SQL and tests.
    this.guard =
        sources.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
  }

  public JobStatus target() {
    return target;
  }

  public Set<JobStatus> sources() {
    return EnumSet.copyOf(sources);
  }

  public boolean appliesTo(JobStatus from) {
    return sources.contains(from);
  }

  /** The SQL list of the verb's source statuses, for {@code status IN <guard>}. */
  public String guard() {
    return guard;
  }
}
