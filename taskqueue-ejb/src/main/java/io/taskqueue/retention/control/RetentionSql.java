package io.taskqueue.retention.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The removal statements. Each removes at most one batch, in one statement on a connection in
 * autocommit: a short transaction that locks only the rows it removes and skips any row another
 * transaction holds (an operator retrying a dead job at that moment keeps it), so neither workers
 * nor operators ever wait for retention.
 */
final class RetentionSql {

  /** Session advisory lock: one node prunes at a time; the others skip their round. */
  static final long PRUNE_LOCK = 0x74717072756eL; // "tqprun"

  /**
   * Finished jobs of one status that finished before a cutoff, oldest first, with their attempts,
   * logs, dependency rows and pending releases (ON DELETE CASCADE). The scan runs along {@code
   * jobs_finished_id_idx} (final_status, id) and stops at the first id created after the cutoff
   * (ids are UUIDv7, ordered by creation, and a job finishes after it is created), so a round with
   * nothing to remove reads next to nothing. Kept whatever their age: a parent with a child that
   * has not finished (it may still need the parent's outcome or result), and a job a schedule names
   * as its last run. Under the row lock PostgreSQL re-checks {@code final_status}, so a job an
   * operator retried meanwhile stays. The delete trigger (V5) takes the jobs out of the stored
   * counts in the same transaction.
   */
  private static final String PRUNE_JOBS =
      "WITH doomed AS (SELECT j.id FROM "
          + Tables.JOBS
          + " j"
          + " WHERE j.final_status = ? AND j.id < ? AND j.finished_at < ?"
          + " AND NOT EXISTS (SELECT 1 FROM "
          + Tables.JOB_DEPENDENCIES
          + " d JOIN "
          + Tables.JOBS
          + " c ON c.id = d.job_id"
          + " WHERE d.parent_id = j.id AND c.final_status IS NULL)"
          + " AND NOT EXISTS (SELECT 1 FROM "
          + Tables.SCHEDULES
          + " s WHERE s.last_job_id = j.id)"
          + " ORDER BY j.final_status, j.id LIMIT ? FOR UPDATE OF j SKIP LOCKED)"
          + " DELETE FROM "
          + Tables.JOBS
          + " j USING doomed d WHERE j.id = d.id";

  /** A key past its window answers nothing any more (a new submit takes it over). */
  private static final String PRUNE_KEYS =
      "DELETE FROM "
          + Tables.IDEMPOTENCY_KEYS
          + " k USING (SELECT owner, key FROM "
          + Tables.IDEMPOTENCY_KEYS
          + " WHERE expires_at < ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED) d"
          + " WHERE k.owner = d.owner AND k.key = d.key";

  private static final String PRUNE_AUDIT =
      "DELETE FROM "
          + Tables.AUDIT_LOG
          + " WHERE id IN (SELECT id FROM "
          + Tables.AUDIT_LOG
          + " WHERE at < ?"
          + " ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED)";

  private RetentionSql() {}

  /** Whether this connection's session now holds the pruning turn; see {@link #giveTurn}. */
  static boolean takeTurn(Connection c) throws SQLException {
    return bool(c, "SELECT pg_try_advisory_lock(" + PRUNE_LOCK + ")");
  }

  static void giveTurn(Connection c) throws SQLException {
    bool(c, "SELECT pg_advisory_unlock(" + PRUNE_LOCK + ")");
  }

  /** PostgreSQL's clock: every node cuts off at the same instant, whatever its own clock says. */
  static Instant databaseNow(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT now()");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getTimestamp(1).toInstant();
    }
  }

  static int pruneJobs(Connection c, JobStatus status, Instant cutoff, int batch)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(PRUNE_JOBS)) {
      s.setString(1, status.name());
      s.setObject(2, firstIdAt(cutoff));
      s.setTimestamp(3, Timestamp.from(cutoff));
      s.setInt(4, batch);
      return s.executeUpdate();
    }
  }

  static int pruneIdempotencyKeys(Connection c, Instant now, int batch) throws SQLException {
    return deleteBefore(c, PRUNE_KEYS, now, batch);
  }

  static int pruneAudit(Connection c, Instant cutoff, int batch) throws SQLException {
    return deleteBefore(c, PRUNE_AUDIT, cutoff, batch);
  }

  /** The smallest UUIDv7 of the cutoff's millisecond: every job created before it sorts lower. */
  static UUID firstIdAt(Instant cutoff) {
    return new UUID((cutoff.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
  }

  private static int deleteBefore(Connection c, String sql, Instant before, int batch)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setTimestamp(1, Timestamp.from(before));
      s.setInt(2, batch);
      return s.executeUpdate();
    }
  }

  private static boolean bool(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }
}
