package io.taskqueue.progress.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.LogLevel;
import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.progress.entity.AttemptId;
import io.taskqueue.progress.entity.LogLine;
import io.taskqueue.progress.entity.ProgressReport;
import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Progress and log statements on a real PostgreSQL: fenced progress and lines, the per-job line
 * budget.
 */
class TelemetrySqlIT {

  private static PGSimpleDataSource db;

  @BeforeAll
  static void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("telemetry_sql");
    SchemaMigrations.migrate(db);
  }

  @Test
  void progressIsStoredOnlyForTheAttemptThatIsRunningNow() throws SQLException {
    UUID job = job("RUNNING", 2);
    try (Connection c = db.getConnection()) {
      assertFalse(TelemetrySql.progress(c, report(job, 1, 40)), "an old attempt's report");
      assertTrue(TelemetrySql.progress(c, report(job, 2, 60)));
      assertEquals(60, number("SELECT progress_percent FROM jobs WHERE id = '" + job + "'"));
      UUID done = job("COMPLETED", 1);
      assertFalse(TelemetrySql.progress(c, report(done, 1, 99)), "a finished job's report");
    }
  }

  @Test
  void aJobKeepsItsFirstLinesUpToTheLimitAcrossFlushesAndAttemptsAndCountsTheRest()
      throws SQLException {
    UUID job = job("RUNNING", 1);
    try (Connection c = db.getConnection()) {
      assertEquals(6, TelemetrySql.append(c, attempt(job, 1), lines(job, 1, 6), 0, 10));
      TestSql.execute(db, "UPDATE jobs SET attempt = 2 WHERE id = '" + job + "'");
      assertEquals(4, TelemetrySql.append(c, attempt(job, 2), lines(job, 2, 6), 3, 10));
      assertEquals(0, TelemetrySql.append(c, attempt(job, 2), lines(job, 2, 1), 0, 10));
      List<LogLine> stored = TelemetrySql.lines(c, job, 0, 100);
      assertEquals(
          IntStream.rangeClosed(1, 10).boxed().toList(),
          stored.stream().map(LogLine::seq).toList());
      assertEquals(
          List.of(1, 1, 1, 1, 1, 1, 2, 2, 2, 2), stored.stream().map(LogLine::attempt).toList());
      assertEquals("line 1", stored.get(6).message());
      assertEquals(10, number("SELECT log_lines FROM jobs WHERE id = '" + job + "'"));
      assertEquals(2 + 3 + 1, number("SELECT logs_dropped FROM jobs WHERE id = '" + job + "'"));
      assertEquals(
          List.of(9, 10), TelemetrySql.lines(c, job, 8, 100).stream().map(LogLine::seq).toList());
      UUID gone = UUID.randomUUID();
      assertEquals(
          TelemetrySql.STALE,
          TelemetrySql.append(c, attempt(gone, 1), lines(gone, 1, 2), 0, 10),
          "no such job");
    }
  }

  @Test
  void linesOfAnAttemptThatIsNoLongerRunningAreDroppedWithoutSpendingTheBudget()
      throws SQLException {
    UUID job = job("RUNNING", 2);
    UUID cancelled = job("CANCELLED", 1);
    UUID completed = job("COMPLETED", 1);
    try (Connection c = db.getConnection()) {
      assertEquals(
          TelemetrySql.STALE,
          TelemetrySql.append(c, attempt(job, 1), lines(job, 1, 8), 5, 10),
          "a lost lease's attempt logging on");
      assertEquals(
          TelemetrySql.STALE,
          TelemetrySql.append(c, attempt(cancelled, 1), lines(cancelled, 1, 3), 0, 10));
      assertEquals(
          TelemetrySql.STALE,
          TelemetrySql.append(c, attempt(completed, 1), lines(completed, 1, 3), 0, 10));
      assertEquals(10, TelemetrySql.append(c, attempt(job, 2), lines(job, 2, 10), 0, 10));
    }
    assertEquals(
        0,
        number(
            "SELECT count(*) FROM job_logs WHERE attempt = 1 AND job_id IN ('"
                + job
                + "', '"
                + cancelled
                + "', '"
                + completed
                + "')"));
    assertEquals(0, number("SELECT logs_dropped FROM jobs WHERE id = '" + job + "'"));
    assertEquals(10, number("SELECT log_lines FROM jobs WHERE id = '" + job + "'"));
  }

  private static AttemptId attempt(UUID job, int attempt) {
    return new AttemptId(job, attempt);
  }

  private static ProgressReport report(UUID job, int attempt, int percent) {
    return new ProgressReport(job, "t", attempt, percent, "at " + percent, Instant.now());
  }

  private static List<LogLine> lines(UUID job, int attempt, int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> new LogLine(job, 0, attempt, Instant.now(), LogLevel.INFO, "line " + i))
        .toList();
  }

  private static UUID job(String status, int attempt) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = db.getConnection()) {
      c.createStatement()
          .execute(
              "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                  + " attempt_budget, created_at) VALUES ('"
                  + id
                  + "', 't', '{}', 'MEDIUM', '"
                  + status
                  + "', "
                  + attempt
                  + ", 3, 3, now())");
    }
    return id;
  }

  private static long number(String sql) throws SQLException {
    return TestSql.number(db, sql);
  }
}
