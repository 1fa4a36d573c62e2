package io.taskqueue.job.entity;

import static io.taskqueue.job.entity.JobStatus.CANCELLED;
import static io.taskqueue.job.entity.JobStatus.COMPLETED;
import static io.taskqueue.job.entity.JobStatus.DEAD;
import static io.taskqueue.job.entity.JobStatus.QUEUED;
import static io.taskqueue.job.entity.JobStatus.RETRYING;
import static io.taskqueue.job.entity.JobStatus.RUNNING;
import static io.taskqueue.job.entity.JobStatus.SCHEDULED;
import static io.taskqueue.job.entity.JobStatus.WAITING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of job status changes. Every write that moves a job names its source statuses from
 * here in its SQL guard ({@code WHERE status IN (...)}), so a change the table forbids cannot
 * happen even when two nodes race.
 *
 * <pre>
 * from \ to   scheduled queued running retrying completed dead cancelled
 * waiting        .        x      .       .        .       .      x
 * scheduled      .        .      x       .        .       .      x
 * queued         .        .      x       .        .       .      x
 * running        .        x      .       x        x       x      x
 * retrying       .        .      x       .        .       .      x
 * completed      .        .      .       .        .       .      .
 * dead           .        x      .       .        .       .      .
 * cancelled      .        x      .       .        .       .      .
 * </pre>
 *
 * waiting → queued is a release (its last parent completed); waiting → cancelled a cancel, by a
 * user or because a parent ended dead or cancelled. running → queued is a lease handed back
 * (graceful shutdown, crash recovery); dead/cancelled → queued is an operator's retry, and
 * cancelled → waiting puts back a child that a parent's failure cancelled, when an operator retries
 * that parent with its dependents. Completed is final: a completed job never runs again.
 */
public final class AllowedStatusChanges {

  private static final Map<JobStatus, EnumSet<JobStatus>> TABLE = new EnumMap<>(JobStatus.class);

  static {
    TABLE.put(WAITING, EnumSet.of(QUEUED, CANCELLED));
    TABLE.put(SCHEDULED, EnumSet.of(RUNNING, CANCELLED));
    TABLE.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
    TABLE.put(RUNNING, EnumSet.of(QUEUED, RETRYING, COMPLETED, DEAD, CANCELLED));
    TABLE.put(RETRYING, EnumSet.of(RUNNING, CANCELLED));
    TABLE.put(COMPLETED, EnumSet.noneOf(JobStatus.class));
    TABLE.put(DEAD, EnumSet.of(QUEUED));
    TABLE.put(CANCELLED, EnumSet.of(QUEUED, WAITING));
  }

  private AllowedStatusChanges() {}

  public static boolean isAllowed(JobStatus from, JobStatus to) {
    return TABLE.get(from).contains(to);
  }

  /** The statuses a job may move to from {@code from}. */
  public static Set<JobStatus> from(JobStatus from) {
    return EnumSet.copyOf(TABLE.get(from));
  }

  /** The statuses a job may be in for a move to {@code to}: the guard of that move's SQL. */
  public static Set<JobStatus> into(JobStatus to) {
    Set<JobStatus> sources = EnumSet.noneOf(JobStatus.class);
    TABLE.forEach(
        (from, targets) -> {
          if (targets.contains(to)) {
            sources.add(from);
          }
        });
    return sources;
  }
}
