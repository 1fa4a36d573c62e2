package io.taskqueue.outcome.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.JobCompleted;
import io.taskqueue.JobDead;
import io.taskqueue.JobFailed;
import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.outcome.entity.RecordedOutcome;
import io.taskqueue.schema.control.SchemaMigrations;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The outbox of job outcomes on a real PostgreSQL: the trigger records completions, failed attempts
 * and deaths only while a listener is registered and only when committed; a row being delivered is
 * skipped by others, not waited for, and comes back if its delivery dies; failed deliveries back
 * off; what nobody observed in time is pruned.
 */
class OutcomeOutboxIT {

  private PGSimpleDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("job_outcomes");
    SchemaMigrations.migrate(db);
  }

  @Test
  void outcomesAreRecordedOnlyWhileSomeoneListensAndOnlyWhenTheirTransactionCommits()
      throws Exception {
    UUID before = job("RUNNING");
    execute("UPDATE jobs SET status = 'COMPLETED' WHERE id = '" + before + "'");
    assertEquals(0, count(), "nobody listens: nothing is kept");

    register();
    UUID done = job("RUNNING");
    UUID retried = job("RUNNING");
    UUID buried = job("RUNNING");
    UUID cancelled = job("QUEUED");
    UUID rolledBack = job("RUNNING");
    execute(
        "UPDATE jobs SET status = 'COMPLETED', result = '{\"ok\": true}', attempt = 1"
            + " WHERE id = '"
            + done
            + "'");
    execute(
        "UPDATE jobs SET status = 'RETRYING', last_error = 'boom', attempt = 1"
            + " WHERE id = '"
            + retried
            + "'");
    execute(
        "UPDATE jobs SET status = 'DEAD', last_error = 'gone', attempt = 3"
            + " WHERE id = '"
            + buried
            + "'");
    execute("UPDATE jobs SET status = 'CANCELLED' WHERE id = '" + cancelled + "'");
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      c.createStatement()
          .execute("UPDATE jobs SET status = 'COMPLETED' WHERE id = '" + rolledBack + "'");
      c.rollback();
    }
    execute("UPDATE jobs SET worker_id = 'w' WHERE id = '" + done + "'");

    List<RecordedOutcome> recorded = recorded();
    assertEquals(3, recorded.size(), "a cancel, a rollback and a change without status: nothing");
    assertEquals(new JobCompleted(done, "echo", 1, jsonTrue()), recorded.get(0).event());
    assertEquals(new JobFailed(retried, "echo", 1, "boom"), recorded.get(1).event());
    assertEquals(new JobDead(buried, "echo", 3, "gone"), recorded.get(2).event());
  }

  @Test
  void aRowBeingDeliveredIsSkippedByOtherNodesAndComesBackWhenItsDeliveryDies() throws Exception {
    register();
    execute("UPDATE jobs SET status = 'COMPLETED' WHERE id = '" + job("RUNNING") + "'");
    long id;
    try (Connection c = db.getConnection()) {
      id = OutcomeSql.due(c, 10).get(0);
    }
    Connection delivering = db.getConnection();
    delivering.setAutoCommit(false);
    assertTrue(OutcomeSql.lock(delivering, id).isPresent());

    try (Connection other = db.getConnection()) {
      other.setAutoCommit(false);
      long started = System.nanoTime();
      assertTrue(OutcomeSql.lock(other, id).isEmpty(), "another node skips it");
      assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos(), "without waiting");
      other.rollback();
    }
    delivering.close(); // the node dies mid-delivery: its transaction ends without a commit

    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      assertTrue(OutcomeSql.lock(c, id).isPresent(), "the next delivery takes it");
      OutcomeSql.delete(c, id);
      c.commit();
    }
    assertEquals(0, count());
  }

  @Test
  void aFailedDeliveryWaitsLongerEachTimeAndOldOutcomesArePruned() throws Exception {
    register();
    execute("UPDATE jobs SET status = 'COMPLETED' WHERE id = '" + job("RUNNING") + "'");
    try (Connection c = db.getConnection()) {
      long id = OutcomeSql.due(c, 10).get(0);
      assertEquals(1, OutcomeSql.postpone(c, id));
      assertEquals(List.of(), OutcomeSql.due(c, 10), "held back for a second");
      assertEquals(2, OutcomeSql.postpone(c, id));
      assertEquals(
          2,
          TestSql.number(
              db, "SELECT round(extract(epoch FROM deliver_after - now())) FROM job_outcomes"),
          "then two seconds");

      assertEquals(0, OutcomeSql.prune(c, Duration.ofHours(1)), "recent: kept");
      execute("UPDATE job_outcomes SET recorded_at = now() - interval '2 hours'");
      assertEquals(1, OutcomeSql.prune(c, Duration.ofHours(1)));
    }
  }

  @Test
  void finishedTellsFinishedFromUnfinishedAndGoneJobs() throws Exception {
    UUID running = job("RUNNING");
    UUID completed = job("COMPLETED");
    UUID gone = UUID.randomUUID();
    try (Connection c = db.getConnection()) {
      OutcomeSql.Finished found = OutcomeSql.finished(c, List.of(running, completed, gone));
      assertEquals(Set.of(completed), found.finished());
      assertEquals(Set.of(gone), found.gone());
    }
  }

  private static JsonValue jsonTrue() {
    return Json.createObjectBuilder().add("ok", true).build();
  }

  private void register() throws SQLException {
    try (Connection c = db.getConnection()) {
      OutcomeSql.register(c, "node-1", Duration.ofHours(1));
    }
  }

  private List<RecordedOutcome> recorded() throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      List<RecordedOutcome> all =
          OutcomeSql.due(c, 100).stream()
              .map(
                  id -> {
                    try {
                      return OutcomeSql.lock(c, id).orElseThrow();
                    } catch (SQLException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      c.rollback();
      return all;
    }
  }

  private UUID job(String status) throws SQLException {
    UUID id = UUID.randomUUID();
    execute(
        "INSERT INTO jobs (id, type, payload, priority, status, max_attempts, attempt_budget,"
            + " created_at) VALUES ('"
            + id
            + "', 'echo', '{}', 'HIGH', '"
            + status
            + "', 4, 4, now())");
    return id;
  }

  private long count() throws SQLException {
    return TestSql.number(db, "SELECT count(*) FROM job_outcomes");
  }

  private void execute(String sql) throws SQLException {
    TestSql.execute(db, sql);
  }
}
