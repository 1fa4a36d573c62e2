package io.taskqueue.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.retention.entity.PruneReport;
import io.taskqueue.retention.entity.RetentionAges;
import io.taskqueue.retention.entity.RetentionPacing;
import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Retention on a real PostgreSQL: a round removes exactly the finished jobs past their status's age
 * (with their attempts, logs and dependency rows), expired idempotency keys and old audit entries,
 * and nothing else; the stored counts stay exact.
 */
class PruneRoundIT {

  private static final RetentionAges DEFAULTS = new RetentionAges(7, 30, 30, 365);
  private static final RetentionPacing PACING =
      new RetentionPacing(1_000, Duration.ofSeconds(30), 1.0);

  private PGSimpleDataSource db;
  private final Instant now = Instant.now();
  private final List<Duration> pauses = new ArrayList<>();

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("prune");
    SchemaMigrations.migrate(db);
  }

  @Test
  void removesExactlyWhatIsPastItsAgeWithWhatBelongsToItAndNothingElse() throws Exception {
    for (int i = 0; i < 2_500; i++) {
      job("COMPLETED", days(9), days(8));
    }
    UUID oldWithHistory = job("COMPLETED", days(9), days(8));
    attemptAndLog(oldWithHistory);
    Set<UUID> kept =
        new HashSet<>(
            List.of(
                job("COMPLETED", days(9), days(6)), // created long ago, finished recently
                job("COMPLETED", days(1), days(1)),
                job("DEAD", days(21), days(20)),
                job("CANCELLED", days(29), days(29)),
                job("RUNNING", days(60), null),
                job("QUEUED", days(60), null),
                job("RETRYING", days(60), null),
                job("SCHEDULED", days(60), null),
                job("WAITING", days(60), null)));
    UUID recentWithHistory = job("COMPLETED", days(2), days(2));
    attemptAndLog(recentWithHistory);
    kept.add(recentWithHistory);
    UUID recentChild = job("COMPLETED", days(1), days(1));
    kept.add(recentChild);
    sql(
        "INSERT INTO job_dependencies VALUES ('"
            + recentChild
            + "', '"
            + oldWithHistory
            + "', 'COMPLETED')");
    job("DEAD", days(32), days(31));
    job("CANCELLED", days(41), days(40));
    key("expired", now.minus(Duration.ofMinutes(1)));
    key("live", now.plus(Duration.ofDays(1)));
    audit(days(400));
    audit(days(1));
    long countedBefore = storedCount(JobStatus.COMPLETED);

    PruneReport report = round(DEFAULTS);

    assertTrue(report.complete());
    assertTrue(report.turnTaken());
    assertEquals(
        Map.of(
            "completed",
            2_501L,
            "dead",
            1L,
            "cancelled",
            1L,
            PruneReport.IDEMPOTENCY_KEYS,
            1L,
            PruneReport.AUDIT_ENTRIES,
            1L),
        report.removed());
    assertEquals(kept, ids("SELECT id FROM jobs"));
    assertEquals(1, number("SELECT count(*) FROM job_attempts"), "the kept job's attempt only");
    assertEquals(
        1, number("SELECT count(*) FROM job_logs WHERE job_id = '" + recentWithHistory + "'"));
    assertEquals(1, number("SELECT count(*) FROM job_logs"));
    assertEquals(0, number("SELECT count(*) FROM job_dependencies"), "went with the parent");
    assertEquals(1, number("SELECT count(*) FROM idempotency_keys WHERE key = 'live'"));
    assertEquals(1, number("SELECT count(*) FROM idempotency_keys"));
    assertEquals(1, number("SELECT count(*) FROM audit_log"));
    assertStoredCountsExact();
    assertEquals(countedBefore - 2_501, storedCount(JobStatus.COMPLETED));

    PruneReport again = round(DEFAULTS);
    assertEquals(0, again.total());
    assertEquals(kept, ids("SELECT id FROM jobs"));
  }

  @Test
  void aParentWhoseChildHasNotFinishedIsKeptUntilItHas() throws Exception {
    UUID parent = job("COMPLETED", days(20), days(19));
    UUID otherParent = job("QUEUED", days(20), null);
    UUID child = job("WAITING", days(20), null);
    sql("INSERT INTO job_dependencies VALUES ('" + child + "', '" + parent + "', 'COMPLETED')");
    sql("INSERT INTO job_dependencies VALUES ('" + child + "', '" + otherParent + "', NULL)");

    assertEquals(0, round(DEFAULTS).removed("completed"));
    assertEquals(Set.of(parent, otherParent, child), ids("SELECT id FROM jobs"));
    assertEquals(2, number("SELECT count(*) FROM job_dependencies"));

    sql(
        "UPDATE jobs SET status = 'COMPLETED', finished_at = now() WHERE id IN ('"
            + child
            + "', '"
            + otherParent
            + "')");
    assertEquals(1, round(DEFAULTS).removed("completed"), "the parent, now that its child ended");
    assertEquals(Set.of(otherParent, child), ids("SELECT id FROM jobs"));
  }

  @Test
  void aJobAScheduleNamesAsItsLastRunIsKept() throws Exception {
    UUID lastRun = job("COMPLETED", days(20), days(19));
    UUID earlierRun = job("COMPLETED", days(21), days(20));
    sql(
        "INSERT INTO schedules (name, cron, time_zone, job_type, payload, priority, max_attempts,"
            + " overlap, misfire, misfire_limit, last_job_id, created_at, updated_at) VALUES"
            + " ('nightly', '0 2 * * *', 'UTC', 'echo', '{}', 'LOW', 3, 'SKIP', 'SKIP', 10, '"
            + lastRun
            + "', now(), now())");

    assertEquals(1, round(DEFAULTS).removed("completed"));

    assertEquals(Set.of(lastRun), ids("SELECT id FROM jobs"));
    assertEquals(Set.of(lastRun), ids("SELECT last_job_id FROM schedules"));
    assertFalse(ids("SELECT id FROM jobs").contains(earlierRun));
  }

  @Test
  void anAgeOfZeroKeepsForEver() throws Exception {
    UUID dead = job("DEAD", days(900), days(800));
    UUID completed = job("COMPLETED", days(900), days(800));
    audit(days(4_000));

    PruneReport report = round(new RetentionAges(1, 0, 0, 0));

    assertEquals(Set.of(dead), ids("SELECT id FROM jobs"));
    assertFalse(ids("SELECT id FROM jobs").contains(completed));
    assertEquals(1, number("SELECT count(*) FROM audit_log"));
    assertEquals(Set.of("completed", PruneReport.IDEMPOTENCY_KEYS), report.removed().keySet());
  }

  @Test
  void aRoundPausesInProportionToItsBatchesAndStopsAtItsBudgetAndTheNextGoesOn() throws Exception {
    for (int i = 0; i < 2_500; i++) {
      job("COMPLETED", days(9), days(8));
    }
    long[] clock = {0};
    // Each look at the clock: 10 s later. A batch seems to take 10 s; the budget is 30 s.
    PruneRound slow =
        new PruneRound(
            new RetentionPacing(1_000, Duration.ofSeconds(30), 0.25),
            pauses::add,
            () -> clock[0] += Duration.ofSeconds(10).toNanos());

    PruneReport first;
    try (Connection c = db.getConnection()) {
      first = slow.run(c, DEFAULTS);
    }

    assertFalse(first.complete());
    assertEquals(2_000, first.removed("completed"), "two whole batches, then the budget was spent");
    assertEquals(List.of(Duration.ofSeconds(30)), pauses, "10 s in the database, 30 s idle: 25 %");
    assertEquals(500, number("SELECT count(*) FROM jobs"));
    assertEquals(500, round(DEFAULTS).removed("completed"));
  }

  @Test
  void aDeadJobAnOperatorIsRetryingAtThatMomentIsKept() throws Exception {
    UUID dead = job("DEAD", days(40), days(35));
    try (Connection operator = db.getConnection()) {
      operator.setAutoCommit(false);
      operator.createStatement().execute("SELECT 1 FROM jobs WHERE id = '" + dead + "' FOR UPDATE");

      assertEquals(
          0, round(DEFAULTS).removed("dead"), "a row another transaction holds is skipped");
      operator
          .createStatement()
          .execute(
              "UPDATE jobs SET status = 'QUEUED', finished_at = NULL WHERE id = '" + dead + "'");
      operator.commit();
    }
    assertEquals(0, round(DEFAULTS).removed("dead"));
    assertEquals(Set.of(dead), ids("SELECT id FROM jobs"));
  }

  @Test
  void aNodeSkipsItsRoundWhileAnotherIsPruning() throws Exception {
    job("COMPLETED", days(9), days(8));
    try (Connection other = db.getConnection()) {
      other.createStatement().execute("SELECT pg_advisory_lock(" + RetentionSql.PRUNE_LOCK + ")");

      PruneReport skipped = round(DEFAULTS);

      assertFalse(skipped.turnTaken());
      assertEquals(0, skipped.total());
      assertEquals(1, number("SELECT count(*) FROM jobs"));
      other.createStatement().execute("SELECT pg_advisory_unlock(" + RetentionSql.PRUNE_LOCK + ")");
    }
    assertEquals(1, round(DEFAULTS).removed("completed"));
    // The turn was given back: another session can take it at once.
    try (Connection other = db.getConnection()) {
      assertTrue(RetentionSql.takeTurn(other));
    }
  }

  private PruneReport round(RetentionAges ages) throws Exception {
    try (Connection c = db.getConnection()) {
      return new PruneRound(PACING, pauses::add, System::nanoTime).run(c, ages);
    }
  }

  private void assertStoredCountsExact() throws SQLException {
    for (JobStatus s : JobStatus.values()) {
      assertEquals(
          number("SELECT count(*) FROM jobs WHERE status = '" + s.name() + "'"),
          storedCount(s),
          s + " count");
    }
  }

  /** The count the console shows: folded counts plus the deltas not folded yet. */
  private long storedCount(JobStatus s) throws SQLException {
    return number(
        "SELECT coalesce(sum(n), 0) FROM (SELECT jobs AS n FROM job_status_counts WHERE status = '"
            + s.name()
            + "' UNION ALL SELECT delta FROM job_status_deltas WHERE status = '"
            + s.name()
            + "') c");
  }

  private Instant days(int n) {
    return now.minus(Duration.ofDays(n));
  }

  /** A job created at {@code created} (its UUIDv7 says so) and finished at {@code finished}. */
  private UUID job(String status, Instant created, Instant finished) throws SQLException {
    long bits = ThreadLocalRandom.current().nextLong();
    UUID id =
        new UUID(
            (created.toEpochMilli() << 16) | 0x7000L | (bits & 0xFFFL),
            (bits >>> 2) | 0x8000000000000000L);
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, finished_at) VALUES (?, 't', '{}', 'MEDIUM', ?,"
                    + " 1, 3, 3, ?, ?)")) {
      s.setObject(1, id);
      s.setString(2, status);
      s.setTimestamp(3, Timestamp.from(created));
      s.setTimestamp(4, finished == null ? null : Timestamp.from(finished));
      s.executeUpdate();
    }
    return id;
  }

  private void attemptAndLog(UUID job) throws SQLException {
    sql(
        "INSERT INTO job_attempts (job_id, attempt, finished_at, outcome) VALUES ('"
            + job
            + "', 1, now(), 'COMPLETED')");
    sql(
        "INSERT INTO job_logs (job_id, seq, attempt, at, level, message) VALUES ('"
            + job
            + "', 1, 1, now(), 'INFO', 'done')");
  }

  private void key(String key, Instant expires) throws SQLException {
    sql(
        "INSERT INTO idempotency_keys (owner, key, job_id, expires_at) VALUES ('alice', '"
            + key
            + "', gen_random_uuid(), '"
            + expires
            + "')");
  }

  private void audit(Instant at) throws SQLException {
    sql(
        "INSERT INTO audit_log (at, actor, auth, action) VALUES ('"
            + at
            + "', 'alice', 'key', 'jobs.retry')");
  }

  private Set<UUID> ids(String sql) throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (Connection c = db.getConnection();
        var r = c.createStatement().executeQuery(sql)) {
      while (r.next()) {
        ids.add(r.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private void sql(String sql) throws SQLException {
    TestSql.execute(db, sql);
  }

  private long number(String sql) throws SQLException {
    return TestSql.number(db, sql);
  }
}
