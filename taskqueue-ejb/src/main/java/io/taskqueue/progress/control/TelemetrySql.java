package io.taskqueue.progress.control;

import io.taskqueue.LogLevel;
import io.taskqueue.progress.entity.AttemptId;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.ProgressReport;
import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements behind progress and logs, on a connection in autocommit: each statement is its own
 * transaction and locks one job row, so these writes can never deadlock with the engine's batched
 * status writes, which lock many.
 */
public final class TelemetrySql {

  /** Fenced: a report of an attempt that is no longer running (or no longer current) is dropped. */
  static final String PROGRESS =
      "UPDATE "
          + Tables.JOBS
          + " SET progress_percent = ?, progress_message = ?, progress_at = ?"
          + " WHERE id = ? AND attempt = ? AND status = 'RUNNING'";

  /**
   * Takes up to the job's remaining line budget and counts the rest (and the lines the buffer
   * dropped) as dropped; returns the line count before, from which the new lines are numbered.
   * Fenced like progress: only the attempt that is running now may spend the job's budget.
   */
  static final String RESERVE_LINES =
      "UPDATE "
          + Tables.JOBS
          + " j SET log_lines = LEAST(j.log_lines + ?, ?),"
          + " logs_dropped = j.logs_dropped + GREATEST(0, j.log_lines + ? - ?) + ?"
          + " FROM (SELECT id, log_lines AS before FROM "
          + Tables.JOBS
          + " WHERE id = ? AND attempt = ? AND status = 'RUNNING' FOR UPDATE) b"
          + " WHERE j.id = b.id RETURNING b.before";

  /** What {@link #append} returns for an attempt that is not running any more (or a gone job). */
  public static final int STALE = -1;

  static final String INSERT_LINES =
      "INSERT INTO "
          + Tables.JOB_LOGS
          + " (job_id, seq, attempt, at, level, message)"
          + " SELECT ?, before + n, attempt, at, level, message"
          + " FROM unnest(?::integer[], ?::timestamptz[], ?::text[], ?::text[])"
          + " WITH ORDINALITY AS l(attempt, at, level, message, n), (SELECT ?::integer AS before) b"
          + " WHERE n <= ?";

  private TelemetrySql() {}

  /** Whether the report was current (its attempt still running) and so was stored. */
  public static boolean progress(Connection c, ProgressReport report) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(PROGRESS)) {
      s.setShort(1, (short) report.percent());
      s.setString(2, report.message());
      s.setTimestamp(3, Timestamp.from(report.at()));
      s.setObject(4, report.jobId());
      s.setInt(5, report.attempt());
      return s.executeUpdate() == 1;
    }
  }

  /**
   * Appends one attempt's lines within its job's budget of {@code maxLines}; {@code alreadyDropped}
   * lines the buffer could not hold are counted too. Returns how many lines were stored, or {@link
   * #STALE} when the attempt is no longer the job's running one (its lease was lost, the job was
   * cancelled or finished, or deleted): then nothing is stored or counted on the job.
   */
  public static int append(
      Connection c, AttemptId attempt, List<LogLine> lines, int alreadyDropped, int maxLines)
      throws SQLException {
    UUID jobId = attempt.jobId();
    int before;
    try (PreparedStatement s = c.prepareStatement(RESERVE_LINES)) {
      s.setInt(1, lines.size());
      s.setInt(2, maxLines);
      s.setInt(3, lines.size());
      s.setInt(4, maxLines);
      s.setInt(5, alreadyDropped);
      s.setObject(6, jobId);
      s.setInt(7, attempt.attempt());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return STALE;
        }
        before = r.getInt(1);
      }
    }
    int taken = Math.max(0, Math.min(lines.size(), maxLines - before));
    if (taken == 0) {
      return 0;
    }
    try (PreparedStatement s = c.prepareStatement(INSERT_LINES)) {
      s.setObject(1, jobId);
      s.setArray(2, c.createArrayOf("integer", lines.stream().map(LogLine::attempt).toArray()));
      s.setArray(
          3,
          c.createArrayOf(
              "timestamptz", lines.stream().map(l -> Timestamp.from(l.at())).toArray()));
      s.setArray(4, c.createArrayOf("text", lines.stream().map(l -> l.level().name()).toArray()));
      s.setArray(5, c.createArrayOf("text", lines.stream().map(LogLine::message).toArray()));
      s.setInt(6, before);
      s.setInt(7, taken);
      s.executeUpdate();
    }
    return taken;
  }

  /** Up to {@code limit} of the job's lines after line {@code afterSeq}, oldest first. */
  public static List<LogLine> lines(Connection c, UUID jobId, int afterSeq, int limit)
      throws SQLException {
    List<LogLine> lines = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT seq, attempt, at, level, message FROM "
                + Tables.JOB_LOGS
                + " WHERE job_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      s.setObject(1, jobId);
      s.setInt(2, afterSeq);
      s.setInt(3, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          lines.add(
              new LogLine(
                  jobId,
                  r.getInt(1),
                  r.getInt(2),
                  r.getTimestamp(3).toInstant(),
                  LogLevel.valueOf(r.getString(4)),
                  r.getString(5)));
        }
      }
    }
    return lines;
  }
}
