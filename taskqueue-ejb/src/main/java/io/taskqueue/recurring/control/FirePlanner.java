package io.taskqueue.recurring.control;

import io.taskqueue.recurring.entity.FirePlan;
import io.taskqueue.recurring.entity.MisfirePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * Decides what a due schedule fires in one round. A fire time within {@code grace} of now is on
 * time and fires; an older one was missed (no node could fire it) and follows the misfire policy.
 * Pure: the time is given, so tests can stand anywhere on the calendar.
 */
public final class FirePlanner {

  /** At most this many on-time fire times per round; the rest wait for the next round. */
  static final int MAX_ON_TIME = 1_000;

  /** Missed fire times are counted up to this many (a week of every-second fires is not). */
  static final int MAX_COUNTED = 10_000;

  private FirePlanner() {}

  public static FirePlan plan(
      CronSchedule cron,
      Instant nextFireAt,
      Instant now,
      Duration grace,
      MisfirePolicy misfire,
      int misfireLimit) {
    List<Instant> fire = new ArrayList<>();
    long missed = 0;
    Instant onTimeFrom = now.minus(grace);
    Instant t = nextFireAt;
    if (t != null && t.isBefore(onTimeFrom)) {
      List<Instant> caughtUp =
          switch (misfire) {
            case SKIP -> List.of();
            case FIRE_ONCE -> latestMissed(cron, t, onTimeFrom, 1);
            case FIRE_ALL -> latestMissed(cron, t, onTimeFrom, misfireLimit);
          };
      fire.addAll(caughtUp);
      missed = Math.max(0, countMissed(cron, t, onTimeFrom) - caughtUp.size());
      t = cron.next(onTimeFrom.minusNanos(1));
    }
    while (t != null && !t.isAfter(now) && fire.size() < MAX_ON_TIME) {
      fire.add(t);
      t = cron.next(t);
    }
    return new FirePlan(fire, missed, t);
  }

  /** Up to {@code limit} of the latest fire times in [from, before), oldest first. */
  private static List<Instant> latestMissed(
      CronSchedule cron, Instant from, Instant before, int limit) {
    LinkedList<Instant> times = new LinkedList<>();
    Instant t = before;
    while (times.size() < limit && (t = cron.previous(t)) != null && !t.isBefore(from)) {
      times.addFirst(t);
    }
    return times;
  }

  private static long countMissed(CronSchedule cron, Instant from, Instant before) {
    long n = 0;
    for (Instant t = from; t != null && t.isBefore(before) && n < MAX_COUNTED; t = cron.next(t)) {
      n++;
    }
    return n;
  }
}
