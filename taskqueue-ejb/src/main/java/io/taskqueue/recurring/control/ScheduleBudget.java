package io.taskqueue.recurring.control;

import io.taskqueue.job.entity.SubmitRate;
import io.taskqueue.recurring.entity.InvalidScheduleException;
import io.taskqueue.recurring.entity.MisfirePolicy;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleDemand;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A schedule's jobs count against its owner's submit rate: the owner's schedules together may fire
 * no faster than the owner may submit ({@code taskqueue.api.submit-rate} per second), and their
 * catch-up after an outage ({@code fire-all}: up to the misfire limit each; {@code fire-once}: one)
 * may not exceed one burst ({@code taskqueue.api.submit-burst}). Checked when a schedule is created
 * or changed, so a schedule that is stored can always fire as written: without it, 10,000
 * every-second schedules submit 10,000 jobs a second past any limit a caller has.
 */
public final class ScheduleBudget {

  /** A schedule's rate is judged over this many of its next fire times (its busiest stretch). */
  static final int SAMPLED_INTERVALS = 10;

  private final SubmitRate rate;

  public ScheduleBudget(SubmitRate rate) {
    this.rate = rate;
  }

  /**
   * What the schedule asks: its rate over its next fire times, and its catch-up. The rate is read
   * in UTC whatever the schedule's zone: a clock change moves fire times, not how often they come,
   * and an every-second cron's next fire time costs thousands of steps within an hour of one.
   */
  public static ScheduleDemand demand(
      String name, String cron, MisfirePolicy misfire, int misfireLimit, Instant now) {
    List<Instant> next = CronSchedule.parse(cron, "UTC").upcoming(now, SAMPLED_INTERVALS + 1);
    double perSecond = 0;
    if (next.size() > 1) {
      Duration span = Duration.between(next.get(0), next.get(next.size() - 1));
      perSecond = (next.size() - 1) / Math.max(1.0, span.toMillis() / 1000.0);
    }
    int catchUp =
        switch (misfire) {
          case SKIP -> 0;
          case FIRE_ONCE -> 1;
          case FIRE_ALL -> misfireLimit;
        };
    return new ScheduleDemand(name, perSecond, catchUp);
  }

  /**
   * Refuses {@code schedule} when, with its owner's other stored schedules, it would exceed the
   * owner's rate or burst; takes the owner's budget lock for this transaction first.
   */
  public void checkStored(Connection c, Schedule schedule, Instant now) throws SQLException {
    check(
        demand(schedule.name(), schedule.cron(), schedule.misfire(), schedule.misfireLimit(), now),
        ScheduleSql.lockBudget(c, schedule.createdBy(), schedule.name(), now));
  }

  /**
   * Refuses {@code wanted} when, with the owner's {@code others}, it would exceed the owner's rate
   * or burst.
   */
  public void check(ScheduleDemand wanted, List<ScheduleDemand> others) {
    if (rate.unlimited()) {
      return;
    }
    double perSecond = wanted.firesPerSecond();
    long catchUp = wanted.catchUpJobs();
    for (ScheduleDemand other : others) {
      perSecond += other.firesPerSecond();
      catchUp += other.catchUpJobs();
    }
    if (perSecond > rate.perSecond()) {
      throw new InvalidScheduleException(
          "schedule-rate-exceeded",
          String.format(
              Locale.ROOT,
              "with this schedule (%s jobs/s), your %d schedules would fire %s jobs/s, above your"
                  + " submit rate of %s jobs/s; fire less often or delete a schedule",
              rounded(wanted.firesPerSecond()),
              others.size() + 1,
              rounded(perSecond),
              rounded(rate.perSecond())));
    }
    if (catchUp > rate.burst()) {
      throw new InvalidScheduleException(
          "schedule-rate-exceeded",
          String.format(
              Locale.ROOT,
              "with this schedule (catch-up of %d jobs), your %d schedules could submit %d jobs at"
                  + " once after an outage, above your submit burst of %s; lower misfireLimit or"
                  + " use misfire 'fire-once' or 'skip'",
              wanted.catchUpJobs(),
              others.size() + 1,
              catchUp,
              rounded(rate.burst())));
    }
  }

  private static String rounded(double value) {
    return value >= 100
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.3g", value);
  }
}
