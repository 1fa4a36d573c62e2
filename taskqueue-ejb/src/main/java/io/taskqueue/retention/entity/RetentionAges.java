package io.taskqueue.retention.entity;

import io.taskqueue.job.entity.JobStatus;
import java.util.Map;

/**
 * How many days rows are kept; 0 keeps them for ever.
 *
 * @param completedDays completed jobs, counted from when they finished
 * @param deadDays dead jobs
 * @param cancelledDays cancelled jobs
 * @param auditDays audit entries
 */
public record RetentionAges(int completedDays, int deadDays, int cancelledDays, int auditDays) {

  /** The most days an age may be: 100 years, so that a cutoff is always a real date. */
  public static final int MAX_DAYS = 36_500;

  public RetentionAges {
    check("completedDays", completedDays);
    check("deadDays", deadDays);
    check("cancelledDays", cancelledDays);
    check("auditDays", auditDays);
  }

  private static void check(String name, int days) {
    if (days < 0 || days > MAX_DAYS) {
      throw new IllegalArgumentException(
          name + " must be 0 (keep for ever) to " + MAX_DAYS + " days, not " + days);
    }
  }

  /** Days per finished status; 0 for a status kept for ever. */
  public Map<JobStatus, Integer> jobDays() {
    return Map.of(
        JobStatus.COMPLETED, completedDays,
        JobStatus.DEAD, deadDays,
        JobStatus.CANCELLED, cancelledDays);
  }
}
