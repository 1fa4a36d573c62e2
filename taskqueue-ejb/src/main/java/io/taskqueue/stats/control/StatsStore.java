package io.taskqueue.stats.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.Tables;
import io.taskqueue.stats.entity.DurationHistogram;
import io.taskqueue.stats.entity.PeriodTotals;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The statistics tables of V5: job counts per status, and finished attempts per period. */
@Stateless
public class StatsStore {

  /** Advisory lock key of the fold: one folder at a time across the cluster. */
  static final long FOLD_LOCK = 0x7461736b71L; // "taskq"

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  /** Exact counts: the folded totals plus the deltas not folded yet (a few thousand rows). */
  public Map<JobStatus, Long> countsByStatus() {
    Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      counts.put(s, 0L);
    }
    List<?> rows =
        em.createNativeQuery(
                "SELECT status, sum(n) FROM (SELECT status, jobs AS n FROM "
                    + Tables.JOB_STATUS_COUNTS
                    + " UNION ALL SELECT status, delta FROM "
                    + Tables.JOB_STATUS_DELTAS
                    + ") c GROUP BY status")
            .getResultList();
    for (Object row : rows) {
      Object[] cells = (Object[]) row;
      counts.put(JobStatus.valueOf((String) cells[0]), ((Number) cells[1]).longValue());
    }
    return counts;
  }

  /**
   * Moves the deltas into the totals, on one node at a time: a node that cannot take the fold lock
   * at once skips this round. A node frozen mid-fold (a long GC pause, SIGSTOP) keeps its locks
   * until it wakes, so no other node may wait for them; readers are never blocked (they add the
   * unfolded deltas). Returns how many statuses changed, 0 when another node is folding.
   */
  public int foldCountDeltas() {
    boolean mine =
        (Boolean)
            em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, FOLD_LOCK)
                .getSingleResult();
    if (!mine) {
      return 0;
    }
    return em.createNativeQuery(
            "WITH moved AS (DELETE FROM "
                + Tables.JOB_STATUS_DELTAS
                + " RETURNING status, delta)"
                + " INSERT INTO "
                + Tables.JOB_STATUS_COUNTS
                + " (status, jobs)"
                + " SELECT status, sum(delta) FROM moved GROUP BY status"
                + " ON CONFLICT (status) DO UPDATE SET jobs = job_status_counts.jobs + EXCLUDED.jobs")
        .executeUpdate();
  }

  public void addPeriod(Instant period, String node, PeriodTotals totals) {
    // Rows are per node, so nobody else holds them; bounded all the same, like every duty's write.
    em.createNativeQuery("SET LOCAL lock_timeout = '5s'").executeUpdate();
    em.createNativeQuery(
            "INSERT INTO "
                + Tables.JOB_PERIOD_STATS
                + " (period_start, node, completed, failed, total_ms, buckets)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS bigint[]))"
                + " ON CONFLICT (period_start, node) DO UPDATE SET"
                + " completed = job_period_stats.completed + EXCLUDED.completed,"
                + " failed = job_period_stats.failed + EXCLUDED.failed,"
                + " total_ms = job_period_stats.total_ms + EXCLUDED.total_ms,"
                + " buckets = ARRAY(SELECT a + b FROM unnest(job_period_stats.buckets,"
                + " EXCLUDED.buckets) WITH ORDINALITY AS t(a, b, i) ORDER BY i)")
        .setParameter(1, OffsetDateTime.ofInstant(period, ZoneOffset.UTC))
        .setParameter(2, node)
        .setParameter(3, totals.completed())
        .setParameter(4, totals.failed())
        .setParameter(5, totals.totalMillis())
        .setParameter(6, arrayLiteral(totals.histogram().counts()))
        .executeUpdate();
  }

  /** Every node's periods from {@code from} on, keyed by period start. */
  public Map<Instant, PeriodTotals> periodsSince(Instant from) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT period_start, completed, failed, total_ms, CAST(buckets AS text)"
                    + " FROM "
                    + Tables.JOB_PERIOD_STATS
                    + " WHERE period_start >= ?1")
            .setParameter(1, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
            .getResultList();
    return rows.stream()
        .map(row -> (Object[]) row)
        .collect(
            Collectors.toMap(
                cells -> toInstant(cells[0]),
                cells ->
                    new PeriodTotals(
                        ((Number) cells[1]).longValue(),
                        ((Number) cells[2]).longValue(),
                        ((Number) cells[3]).longValue(),
                        DurationHistogram.of(parseArray((String) cells[4]))),
                (a, b) -> {
                  a.add(b);
                  return a;
                }));
  }

  public int deletePeriodsBefore(Instant cutoff) {
    return em.createNativeQuery(
            "DELETE FROM " + Tables.JOB_PERIOD_STATS + " WHERE period_start < ?1")
        .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
        .executeUpdate();
  }

  static String arrayLiteral(long[] values) {
    return Arrays.stream(values)
        .mapToObj(Long::toString)
        .collect(Collectors.joining(",", "{", "}"));
  }

  static long[] parseArray(String literal) {
    String inner = literal.substring(1, literal.length() - 1);
    return inner.isEmpty()
        ? new long[0]
        : Arrays.stream(inner.split(",")).mapToLong(Long::parseLong).toArray();
  }

  private static Instant toInstant(Object value) {
    if (value instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    if (value instanceof java.sql.Timestamp ts) {
      return ts.toInstant();
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}
