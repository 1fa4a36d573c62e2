package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * V9 (status changes without index maintenance) on a database that already holds jobs in every
 * status: each keeps its status, the finished ones are found by {@code final_status}, the
 * unfinished ones finish through the engine's own statements afterwards, and the counts per status
 * stay exact. And the point of it: a start rewrites no index.
 */
class HotStatusUpgradeIT {

  private static final long LEASE = 42L;
  private static PGSimpleDataSource db;
  private static final Map<String, UUID> BEFORE = new LinkedHashMap<>();

  @BeforeAll
  static void databaseWithJobsInEveryStatusUpgraded() throws SQLException {
    db = EmptyDatabases.create("hot_upgrade");
    Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(db)
        .locations("classpath:db/migration")
        .target("8")
        .load()
        .migrate();
    for (String status :
        List.of("QUEUED", "SCHEDULED", "RETRYING", "RUNNING", "COMPLETED", "DEAD", "CANCELLED")) {
      BEFORE.put(status, insert(status));
    }

    assertEquals(
        1,
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(db)
            .locations("classpath:db/migration")
            .target("9")
            .load()
            .migrate()
            .migrationsExecuted,
        "V9 applies to the populated database");
    // And every later migration on top of it: the statements below are today's.
    SchemaMigrations.migrate(db);
  }

  @Test
  void everyJobKeepsItsStatusAndOnlyFinishedOnesHaveAFinalStatus() throws SQLException {
    for (Map.Entry<String, UUID> job : BEFORE.entrySet()) {
      String status = job.getKey();
      assertEquals(status, column(job.getValue(), "status"));
      boolean finished = List.of("COMPLETED", "DEAD", "CANCELLED").contains(status);
      assertEquals(finished ? status : null, column(job.getValue(), "final_status"), status);
    }
  }

  @Test
  void theUnfinishedJobsFinishThroughTheEnginesStatementsAndTheCountsStayExact()
      throws SQLException {
    List<UUID> waiting =
        List.of(BEFORE.get("QUEUED"), BEFORE.get("SCHEDULED"), BEFORE.get("RETRYING"));
    try (Connection c = db.getConnection();
        PreparedStatement start = c.prepareStatement(StatusSql.START_ALL)) {
      start.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
      start.setString(2, "node");
      start.setArray(3, c.createArrayOf("uuid", waiting.toArray()));
      start.setArray(4, c.createArrayOf("bigint", new Long[] {LEASE, LEASE, LEASE}));
      start.executeQuery().close();
    }
    List<UUID> running = new ArrayList<>(waiting);
    running.add(BEFORE.get("RUNNING"));

    try (Connection c = db.getConnection();
        PreparedStatement complete = c.prepareStatement(StatusSql.COMPLETE_ALL)) {
      int n = running.size();
      complete.setArray(1, c.createArrayOf("uuid", running.toArray()));
      // The retrying job had run once: its second attempt is the one that ends.
      complete.setArray(2, c.createArrayOf("integer", new Integer[] {1, 1, 2, 1}));
      complete.setArray(3, c.createArrayOf("bigint", new Long[] {LEASE, LEASE, LEASE, LEASE}));
      complete.setArray(4, c.createArrayOf("text", new String[n]));
      complete.setArray(5, c.createArrayOf("text", new String[] {"w", "w", "w", "w"}));
      long now = Instant.now().toEpochMilli() * 1_000;
      complete.setArray(6, c.createArrayOf("bigint", new Long[] {now, now, now, now}));
      int completed = 0;
      try (ResultSet rows = complete.executeQuery()) {
        while (rows.next()) {
          completed++;
        }
      }
      assertEquals(n, completed, "each unfinished job finished");
    }

    for (UUID id : running) {
      assertEquals("COMPLETED", column(id, "final_status"));
    }
    assertEquals(0, count("SELECT count(*) FROM jobs WHERE final_status IS NULL"));
    assertEquals(
        count("SELECT count(*) FROM jobs WHERE status = 'COMPLETED'"),
        count(
            "SELECT (SELECT coalesce(sum(jobs), 0) FROM job_status_counts WHERE status ="
                + " 'COMPLETED') + (SELECT coalesce(sum(delta), 0) FROM job_status_deltas"
                + " WHERE status = 'COMPLETED')"),
        "the counts per status still match the rows");
  }

  @Test
  void aStartRewritesNoIndexButTheFinishingWriteDoes() throws SQLException {
    UUID id = insert("QUEUED");
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement start = c.prepareStatement(StatusSql.START_ALL)) {
        start.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
        start.setString(2, "node");
        start.setArray(3, c.createArrayOf("uuid", new UUID[] {id}));
        start.setArray(4, c.createArrayOf("bigint", new Long[] {LEASE}));
        start.executeQuery().close();
      }
      assertEquals(1, hotUpdatesInThisTransaction(c), "the start was a heap-only update");
      try (Statement finish = c.createStatement()) {
        finish.executeUpdate("UPDATE jobs SET status = 'DEAD' WHERE id = '" + id + "'");
      }
      assertEquals(1, hotUpdatesInThisTransaction(c), "finishing changes an indexed column");
      c.commit();
    }
    assertEquals("DEAD", column(id, "final_status"));
  }

  private static long hotUpdatesInThisTransaction(Connection c) throws SQLException {
    try (ResultSet rs =
        c.createStatement()
            .executeQuery("SELECT pg_stat_get_xact_tuples_hot_updated('jobs'::regclass)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static UUID insert(String status) throws SQLException {
    UUID id = UUID.randomUUID();
    boolean started = !List.of("QUEUED", "SCHEDULED").contains(status);
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, scheduled_at, lease_id)"
                    + " VALUES (?, 'noop', '{\"x\":1}', 'MEDIUM', ?, ?, 3, 3, now(),"
                    + " now() - interval '1 second', ?)")) {
      insert.setObject(1, id);
      insert.setString(2, status);
      insert.setInt(3, status.equals("RUNNING") ? 1 : started ? 1 : 0);
      insert.setObject(4, status.equals("RUNNING") ? LEASE : null);
      insert.executeUpdate();
    }
    return id;
  }

  private static String column(UUID id, String column) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM jobs WHERE id = ?")) {
      q.setObject(1, id);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
