package io.taskqueue.client.entity;

/**
 * A schedule to create or change: {@code ScheduleRequest.of("nightly", "0 3 * * *",
 * JobRequest.of("report"))}. {@code overlap} is {@code allow} or {@code skip}; {@code misfire}
 * {@code skip}, {@code fire-once} or {@code fire-all}; null takes the server's default.
 */
public record ScheduleRequest(
    String name,
    String cron,
    String timeZone,
    JobRequest job,
    String overlap,
    String misfire,
    Integer misfireLimit,
    Boolean paused) {

  /** A schedule in UTC with the default policies. */
  public static ScheduleRequest of(String name, String cron, JobRequest job) {
    return new ScheduleRequest(name, cron, null, job, null, null, null, null);
  }

  public ScheduleRequest withTimeZone(String timeZone) {
    return new ScheduleRequest(name, cron, timeZone, job, overlap, misfire, misfireLimit, paused);
  }

  public ScheduleRequest withOverlap(String overlap) {
    return new ScheduleRequest(name, cron, timeZone, job, overlap, misfire, misfireLimit, paused);
  }

  public ScheduleRequest withMisfire(String misfire, Integer misfireLimit) {
    return new ScheduleRequest(name, cron, timeZone, job, overlap, misfire, misfireLimit, paused);
  }

  public ScheduleRequest withPaused(boolean paused) {
    return new ScheduleRequest(name, cron, timeZone, job, overlap, misfire, misfireLimit, paused);
  }
}
