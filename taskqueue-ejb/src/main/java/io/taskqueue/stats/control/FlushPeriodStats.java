package io.taskqueue.stats.control;

import io.taskqueue.stats.entity.PeriodTotals;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A background task: stores this node's rolled-up attempts (keeping them for the next run if
 * PostgreSQL is away), and deletes periods older than the retention, which the hour window never
 * reads.
 */
public final class FlushPeriodStats implements Runnable {

  static final Duration RETENTION = Duration.ofHours(2);

  private final PeriodRollup rollup;
  private final StatsStore store;
  private final String node;

  public FlushPeriodStats(PeriodRollup rollup, StatsStore store, String node) {
    this.rollup = rollup;
    this.store = store;
    this.node = node;
  }

  @Override
  public void run() {
    Map<Instant, PeriodTotals> pending = new HashMap<>(rollup.drain());
    try {
      for (var period : Map.copyOf(pending).entrySet()) {
        store.addPeriod(period.getKey(), node, period.getValue());
        pending.remove(period.getKey());
      }
      store.deletePeriodsBefore(Instant.now().minus(RETENTION));
    } finally {
      rollup.restore(pending);
    }
  }
}
