package io.taskqueue;

import java.util.UUID;

/**
 * Which jobs {@link TaskQueue#list(JobQuery)} reads, newest first, as {@code GET /api/jobs} does:
 * by state, type, priority and submitter (each optional), at most {@code limit} of them, older than
 * {@code before} (the {@link JobPage#next()} of the previous page).
 *
 * @param state only jobs in this state, or null for any ({@link JobState#DEAD}: the dead letters)
 * @param type only jobs of this type, or null
 * @param priority only jobs of this priority, or null
 * @param submittedBy only jobs this caller submitted ({@code app} for this API, {@code key:<name>},
 *     {@code jwt:<name>}, {@code schedule:<name>}), or null
 * @param limit how many at most, 1 to 1,000
 * @param before only jobs older than this one, or null for the newest
 */
public record JobQuery(
    JobState state, String type, Priority priority, String submittedBy, int limit, UUID before) {

  /** The most jobs one page holds. */
  public static final int MAX_LIMIT = 1_000;

  /**
   * Every job, the newest 100 first.
   *
   * @return a query with no filter
   */
  public static JobQuery all() {
    return new JobQuery(null, null, null, null, 100, null);
  }

  /**
   * This query for jobs in one state.
   *
   * @param value the state
   * @return a copy with the state set
   */
  public JobQuery state(JobState value) {
    return new JobQuery(value, type, priority, submittedBy, limit, before);
  }

  /**
   * This query for jobs of one type.
   *
   * @param value the type
   * @return a copy with the type set
   */
  public JobQuery type(String value) {
    return new JobQuery(state, value, priority, submittedBy, limit, before);
  }

  /**
   * This query for jobs of one priority.
   *
   * @param value the priority
   * @return a copy with the priority set
   */
  public JobQuery priority(Priority value) {
    return new JobQuery(state, type, value, submittedBy, limit, before);
  }

  /**
   * This query for the jobs one caller submitted.
   *
   * @param value the submitter, as a job's {@code submittedBy} names it
   * @return a copy with the submitter set
   */
  public JobQuery submittedBy(String value) {
    return new JobQuery(state, type, priority, value, limit, before);
  }

  /**
   * This query with another page size.
   *
   * @param value 1 to {@value #MAX_LIMIT}
   * @return a copy with the limit set
   */
  public JobQuery limit(int value) {
    return new JobQuery(state, type, priority, submittedBy, value, before);
  }

  /**
   * This query for the jobs older than one: the next page after a page that ended with it.
   *
   * @param value a job's id, usually a {@link JobPage#next()}
   * @return a copy with the cursor set
   */
  public JobQuery before(UUID value) {
    return new JobQuery(state, type, priority, submittedBy, limit, value);
  }
}
