package io.taskqueue.retention.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.retention.entity.PruneReport;
import io.taskqueue.retention.entity.RetentionAges;
import io.taskqueue.retention.entity.RetentionPacing;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One round of retention:
 *
 * <ol>
 *   <li>take the cluster's pruning turn (a PostgreSQL session lock; a node that cannot skips the
 *       round: one pruner at a time keeps the load of removal bounded however many nodes run);
 *   <li>remove finished jobs past their status's age, then expired idempotency keys and old audit
 *       entries, a batch at a time (each its own short transaction) until a batch comes back short;
 *   <li>after each batch, pause in proportion to the time it took, so that the round spends at most
 *       its share of the time in the database;
 *   <li>stop at the round's time budget; the next round goes on where this one stopped.
 * </ol>
 */
public final class PruneRound {

  /** Waits between batches; a test passes one that only records. */
  @FunctionalInterface
  public interface Pause {
    void sleep(Duration length) throws InterruptedException;
  }

  /** One batch of one kind of row: how many rows it removed. */
  @FunctionalInterface
  private interface Batch {
    int run(Connection c, int size) throws SQLException;
  }

  private record Step(String kind, Batch batch) {}

  private final RetentionPacing pacing;
  private final Pause pause;
  private final LongSupplier nanoTime;

  public PruneRound(RetentionPacing pacing, Pause pause, LongSupplier nanoTime) {
    this.pacing = pacing;
    this.pause = pause;
    this.nanoTime = nanoTime;
  }

  /** Runs a round with {@code ages} on {@code c}, a connection in autocommit. */
  public PruneReport run(Connection c, RetentionAges ages)
      throws SQLException, InterruptedException {
    long started = nanoTime.getAsLong();
    c.setAutoCommit(true);
    if (!RetentionSql.takeTurn(c)) {
      return PruneReport.skipped();
    }
    try {
      long deadline = started + pacing.maxRun().toNanos();
      Map<String, Long> removed = new LinkedHashMap<>();
      boolean complete = true;
      for (Step step : steps(ages, RetentionSql.databaseNow(c))) {
        long[] count = {0};
        complete = drain(c, deadline, step.batch(), count);
        removed.put(step.kind(), count[0]);
        if (!complete) {
          break;
        }
      }
      long tookMs = Duration.ofNanos(nanoTime.getAsLong() - started).toMillis();
      return new PruneReport(removed, tookMs, complete, true);
    } finally {
      RetentionSql.giveTurn(c);
    }
  }

  private static List<Step> steps(RetentionAges ages, Instant now) {
    List<Step> steps = new ArrayList<>();
    for (JobStatus status : List.of(JobStatus.COMPLETED, JobStatus.DEAD, JobStatus.CANCELLED)) {
      int days = ages.jobDays().get(status);
      if (days > 0) {
        Instant cutoff = daysBefore(now, days);
        steps.add(
            new Step(status.wireName(), (c, n) -> RetentionSql.pruneJobs(c, status, cutoff, n)));
      }
    }
    steps.add(
        new Step(
            PruneReport.IDEMPOTENCY_KEYS, (c, n) -> RetentionSql.pruneIdempotencyKeys(c, now, n)));
    if (ages.auditDays() > 0) {
      Instant cutoff = daysBefore(now, ages.auditDays());
      steps.add(
          new Step(PruneReport.AUDIT_ENTRIES, (c, n) -> RetentionSql.pruneAudit(c, cutoff, n)));
    }
    return steps;
  }

  /** Batches until one comes back short (true) or the budget runs out (false). */
  private boolean drain(Connection c, long deadline, Batch batch, long[] count)
      throws SQLException, InterruptedException {
    while (true) {
      long begun = nanoTime.getAsLong();
      int removed = batch.run(c, pacing.batch());
      count[0] += removed;
      long now = nanoTime.getAsLong();
      if (removed < pacing.batch()) {
        return true;
      }
      if (now - deadline >= 0) {
        return false;
      }
      pause.sleep(pacing.pauseAfter(Duration.ofNanos(now - begun)));
    }
  }

  private static Instant daysBefore(Instant now, int days) {
    return now.minus(Duration.ofDays(days));
  }
}
