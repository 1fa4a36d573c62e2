package io.taskqueue.job.entity;

/**
 * How fast one caller may submit jobs: {@code perSecond} sustained (0: no limit), {@code burst} at
 * once. The REST API's token buckets and the schedule budget read the same two settings, so that a
 * schedule's jobs count against its owner's rate.
 */
public record SubmitRate(double perSecond, double burst) {

  public static final String PER_SECOND_PROPERTY = "taskqueue.api.submit-rate";
  public static final String BURST_PROPERTY = "taskqueue.api.submit-burst";
  public static final String DEFAULT_PER_SECOND = "5000";
  public static final String DEFAULT_BURST = "10000";

  public SubmitRate {
    if (perSecond < 0 || burst < 1) {
      throw new IllegalStateException(
          PER_SECOND_PROPERTY + " >= 0 and " + BURST_PROPERTY + " >= 1");
    }
  }

  public boolean unlimited() {
    return perSecond == 0;
  }
}
