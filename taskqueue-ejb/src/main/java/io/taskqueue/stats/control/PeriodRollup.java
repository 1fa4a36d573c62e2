package io.taskqueue.stats.control;

import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.stats.entity.PeriodTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * This node's finished attempts since the last flush, per 10-second period, in memory: fed by the
 * committed {@code job.completed} and {@code job.failed} events of its own workers, drained every
 * few seconds into PostgreSQL by {@link FlushPeriodStats}. A node that crashes loses at most its
 * last unflushed seconds of statistics, never a job.
 */
@ApplicationScoped
public class PeriodRollup {

  public static final long PERIOD_SECONDS = 10;

  private Map<Instant, PeriodTotals> periods = new HashMap<>();

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) JobEvents events) {
    for (JobEvent event : events.events()) {
      boolean completed = event.is(EventType.JOB_COMPLETED);
      if ((completed || event.is(EventType.JOB_FAILED)) && event.durationMs() != null) {
        record(event.timestamp(), completed, event.durationMs());
      }
    }
  }

  synchronized void record(Instant at, boolean completed, long millis) {
    periods.computeIfAbsent(periodOf(at), p -> new PeriodTotals()).record(completed, millis);
  }

  /** Takes what was recorded so far; the next records start afresh. */
  public synchronized Map<Instant, PeriodTotals> drain() {
    Map<Instant, PeriodTotals> taken = periods;
    periods = new HashMap<>();
    return taken;
  }

  /** Puts back what could not be stored, to try again with the next flush. */
  public synchronized void restore(Map<Instant, PeriodTotals> untaken) {
    untaken.forEach((period, totals) -> periods.merge(period, totals, PeriodRollup::sum));
  }

  public static Instant periodOf(Instant at) {
    long seconds = at.getEpochSecond();
    return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, PERIOD_SECONDS));
  }

  private static PeriodTotals sum(PeriodTotals a, PeriodTotals b) {
    a.add(b);
    return a;
  }
}
