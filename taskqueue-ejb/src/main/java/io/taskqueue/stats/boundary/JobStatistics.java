package io.taskqueue.stats.boundary;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.stats.control.PeriodRollup;
import io.taskqueue.stats.control.StatsStore;
import io.taskqueue.stats.entity.JobStats;
import io.taskqueue.stats.entity.PeriodTotals;
import io.taskqueue.stats.entity.WindowStats;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics read from the V5 tables only, never from {@code jobs}: a handful of rows whatever the
 * table holds. Windows are whole 10-second periods ending with the current one, so "the last
 * minute" spans 50 to 60 seconds, and rates are per second of the span actually covered.
 */
@Stateless
public class JobStatistics {

  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration HOUR = Duration.ofHours(1);

  @Inject StatsStore store;

  public Map<JobStatus, Long> countsByStatus() {
    return store.countsByStatus();
  }

  public JobStats snapshot() {
    Instant now = Instant.now();
    Map<JobStatus, Long> counts = store.countsByStatus();
    Map<String, Long> totals = new LinkedHashMap<>();
    counts.forEach((status, n) -> totals.put(status.wireName(), n));
    long completed = counts.get(JobStatus.COMPLETED);
    long finished = completed + counts.get(JobStatus.DEAD);
    Instant hourStart = windowStart(now, HOUR);
    Map<Instant, PeriodTotals> periods = store.periodsSince(hourStart);
    return new JobStats(
        now,
        totals,
        finished == 0 ? null : (double) completed / finished,
        window(periods, windowStart(now, MINUTE), now),
        window(periods, hourStart, now));
  }

  private static Instant windowStart(Instant now, Duration length) {
    return PeriodRollup.periodOf(now).minus(length).plusSeconds(PeriodRollup.PERIOD_SECONDS);
  }

  private static WindowStats window(Map<Instant, PeriodTotals> periods, Instant from, Instant to) {
    PeriodTotals sum = new PeriodTotals();
    periods.forEach(
        (start, totals) -> {
          if (!start.isBefore(from)) {
            sum.add(totals);
          }
        });
    return WindowStats.of(Duration.between(from, to).toMillis(), sum);
  }
}
