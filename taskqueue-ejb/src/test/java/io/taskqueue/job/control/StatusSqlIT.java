package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.StatusVerb;
import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Every status statement run against PostgreSQL from every status, with its fence matching and not:
 * a row moves exactly when the verb's table entry allows it from that status and the fence is the
 * attempt's own.
 */
class StatusSqlIT {

  private static final long LEASE = 1_700_000_000_000_001L;
  private static PGSimpleDataSource db;

  @BeforeAll
  static void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("status_sql");
    SchemaMigrations.migrate(db);
  }

  @Test
  void aStartMovesExactlyTheStartableStatusesAndNeverAJobThatIsNotDue() throws SQLException {
    for (JobStatus from : JobStatus.values()) {
      for (boolean due : new boolean[] {true, false}) {
        UUID id = job(from, due);
        int moved =
            run(
                StatusSql.START_ALL,
                s -> {
                  s.setTimestamp(1, Timestamp.from(Instant.now()));
                  s.setString(2, "node");
                  s.setArray(3, s.getConnection().createArrayOf("uuid", new UUID[] {id}));
                  s.setArray(4, s.getConnection().createArrayOf("bigint", new Long[] {LEASE + 1}));
                });
        boolean expected = StatusVerb.START.appliesTo(from) && (due || from == JobStatus.QUEUED);
        assertEquals(expected ? 1 : 0, moved, from + (due ? " due" : " not due"));
      }
    }
  }

  @Test
  void aSuccessIsRecordedOnlyForARunningJobUnderItsOwnAttemptAndLease() throws SQLException {
    for (JobStatus from : JobStatus.values()) {
      for (Fence fence : Fence.values()) {
        UUID id = job(from, true);
        int moved =
            run(
                StatusSql.COMPLETE_ALL,
                s -> {
                  Connection c = s.getConnection();
                  s.setArray(1, c.createArrayOf("uuid", new UUID[] {id}));
                  s.setArray(2, c.createArrayOf("integer", new Integer[] {fence.attempt()}));
                  s.setArray(3, c.createArrayOf("bigint", new Long[] {fence.lease()}));
                  s.setArray(4, c.createArrayOf("text", new String[] {"{}"}));
                  s.setArray(5, c.createArrayOf("text", new String[] {"node/w1"}));
                  s.setArray(6, c.createArrayOf("bigint", new Long[] {micros(Instant.now())}));
                });
        assertEquals(
            StatusVerb.COMPLETE.appliesTo(from) && fence == Fence.OWN ? 1 : 0,
            moved,
            from + " " + fence);
      }
    }
  }

  @Test
  void aFailureIsRecordedOnlyForARunningJobUnderItsOwnAttemptAndLease() throws SQLException {
    for (StatusVerb verb : new StatusVerb[] {StatusVerb.RETRY_LATER, StatusVerb.BURY}) {
      for (JobStatus from : JobStatus.values()) {
        for (Fence fence : Fence.values()) {
          UUID id = job(from, true);
          int moved =
              run(
                  positional(StatusSql.fail(verb)),
                  s -> {
                    s.setString(1, "boom");
                    s.setTimestamp(2, null);
                    s.setTimestamp(3, null);
                    s.setString(4, "node/w1");
                    s.setObject(5, id);
                    s.setInt(6, fence.attempt());
                    s.setLong(7, fence.lease());
                  });
          assertEquals(
              verb.appliesTo(from) && fence == Fence.OWN ? 1 : 0,
              moved,
              verb + " from " + from + " " + fence);
          assertEquals(moved == 1 ? verb.target() : from, status(id));
        }
      }
    }
  }

  @Test
  void anUnstorableResultBuriesOnlyARunningJobUnderItsOwnAttemptAndLease() throws SQLException {
    for (JobStatus from : JobStatus.values()) {
      for (Fence fence : Fence.values()) {
        UUID id = job(from, true);
        int moved =
            run(
                StatusSql.BURY_UNSTORABLE,
                s -> {
                  s.setString(1, "result not storable: refused");
                  s.setString(2, "node/w1");
                  s.setTimestamp(3, Timestamp.from(Instant.now()));
                  s.setObject(4, id);
                  s.setInt(5, fence.attempt());
                  s.setLong(6, fence.lease());
                });
        assertEquals(
            StatusVerb.BURY.appliesTo(from) && fence == Fence.OWN ? 1 : 0,
            moved,
            from + " " + fence);
        assertEquals(moved == 1 ? JobStatus.DEAD : from, status(id));
      }
    }
  }

  @Test
  void aReleaseMovesOnlyAJobStillRunningUnderThatLease() throws SQLException {
    for (StatusVerb verb :
        new StatusVerb[] {StatusVerb.RECOVER, StatusVerb.RECOVER_LAST, StatusVerb.HAND_BACK}) {
      for (JobStatus from : JobStatus.values()) {
        for (Fence fence : Fence.values()) {
          UUID id = job(from, true);
          int moved =
              run(
                  positional(StatusSql.endLease(verb)),
                  s -> {
                    s.setString(1, "released");
                    s.setTimestamp(2, null);
                    s.setInt(3, 0);
                    s.setObject(4, id);
                    s.setLong(5, fence.lease());
                  });
          boolean expected = verb.appliesTo(from) && fence.lease() == LEASE;
          assertEquals(expected ? 1 : 0, moved, verb + " from " + from + " " + fence);
        }
      }
    }
  }

  @Test
  void aHandBackOfAnAttemptNoHandlerBeganGivesTheAttemptBack() throws SQLException {
    UUID id = job(JobStatus.RUNNING, true);

    run(
        positional(StatusSql.endLease(StatusVerb.HAND_BACK)),
        s -> {
          s.setString(1, "handed back unstarted");
          s.setTimestamp(2, null);
          s.setInt(3, 1);
          s.setObject(4, id);
          s.setLong(5, LEASE);
        });

    assertEquals(JobStatus.QUEUED, status(id));
    assertEquals(0, attempt(id), "its attempt never ran: it does not count");
  }

  @Test
  void aCancelMovesEveryUnfinishedStatusAndNothingFinished() throws SQLException {
    for (JobStatus from : JobStatus.values()) {
      UUID id = job(from, true);
      int moved =
          run(
              positional(StatusSql.CANCEL_ONE),
              s -> {
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setObject(2, id);
                s.setString(3, from.name());
              });
      assertEquals(StatusVerb.CANCEL.appliesTo(from) ? 1 : 0, moved, from.name());
    }
  }

  /** The fence a writer presents: the attempt's own, or a stale attempt's or lease's. */
  private enum Fence {
    OWN(1, LEASE),
    OLD_ATTEMPT(0, LEASE),
    OTHER_LEASE(1, LEASE - 1);

    private final int attempt;
    private final long lease;

    Fence(int attempt, long lease) {
      this.attempt = attempt;
      this.lease = lease;
    }

    int attempt() {
      return attempt;
    }

    long lease() {
      return lease;
    }
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** The JPA statements number their parameters (?1, ?2 ...) in order: JDBC wants plain ?. */
  private static String positional(String sql) {
    return sql.replaceAll("\\?\\d+", "?");
  }

  private static int run(String sql, Binder binder) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      binder.bind(s);
      if (sql.contains("RETURNING") || sql.startsWith("WITH")) {
        int rows = 0;
        try (var result = s.executeQuery()) {
          while (result.next()) {
            rows++;
          }
        }
        return rows;
      }
      return s.executeUpdate();
    }
  }

  /**
   * A job in status {@code from} at attempt 1 under lease {@link #LEASE}; due now or in an hour.
   */
  private static UUID job(JobStatus from, boolean due) throws SQLException {
    UUID id = UUID.randomUUID();
    try (Connection c = db.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
                    + " attempt_budget, created_at, scheduled_at, lease_id)"
                    + " VALUES (?, 'work', '{}', 'MEDIUM', ?, 1, 3, 3, now(),"
                    + " now() + ? * interval '1 hour', ?)")) {
      s.setObject(1, id);
      s.setString(2, from.name());
      s.setInt(3, due ? -1 : 1);
      s.setLong(4, LEASE);
      s.executeUpdate();
    }
    return id;
  }

  private static JobStatus status(UUID id) throws SQLException {
    return JobStatus.valueOf(column(id, "status"));
  }

  private static int attempt(UUID id) throws SQLException {
    return Integer.parseInt(column(id, "attempt"));
  }

  private static String column(UUID id, String column) throws SQLException {
    try (Connection c = db.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM jobs WHERE id = ?")) {
      s.setObject(1, id);
      try (var row = s.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000 + t.getNano() / 1_000;
  }
}
