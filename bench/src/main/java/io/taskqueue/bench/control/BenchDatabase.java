package io.taskqueue.bench.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * The server's PostgreSQL, for the prune workload: it loads finished jobs straight into the tables
 * (a REST client would need hours for ten million), and reads what only the database knows (its WAL
 * position, what is left to prune). Loaded jobs have the type {@value #TYPE}, one attempt each and
 * a UUIDv7 id of the moment they were created, as the server writes them.
 */
public final class BenchDatabase {

  public static final String TYPE = "bench-prune";

  /** Rows per statement: one transaction each, so a load in progress shows its progress. */
  private static final int CHUNK = 250_000;

  /**
   * {@code n} completed jobs created evenly from {@code fromMs} on, {@code stepMs} apart, each
   * finished 20 ms after it was created, with its attempt. The id is a UUIDv7 of the creation
   * millisecond with random bits, so the rows go in in the order the server would have written
   * them.
   */
  private static final String LOAD =
      """
      WITH spec AS (
        SELECT (? + floor(g * ?::double precision))::bigint AS ms FROM generate_series(0, ? - 1) g
      ), inserted AS (
        INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts, created_at,
                          started_at, finished_at, result, worker_id, lease_id, attempt_budget,
                          submitted_by)
        SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8'
                || substr(md5(random()::text), 1, 15))::uuid,
               ?, '{"n": 1}'::jsonb, 'MEDIUM', 'COMPLETED', 1, 3, to_timestamp(ms / 1000.0),
               to_timestamp(ms / 1000.0) + interval '10 ms',
               to_timestamp(ms / 1000.0) + interval '20 ms', '{"ok": true}'::jsonb,
               'bench', 1, 3, 'bench'
        FROM spec
        RETURNING id, started_at, finished_at)
      INSERT INTO job_attempts (job_id, attempt, lease_id, worker_id, started_at, finished_at,
                                outcome)
      SELECT id, 1, 1, 'bench', started_at, finished_at, 'COMPLETED' FROM inserted
      """;

  /**
   * {@code n} {@code noop} jobs of medium priority created evenly from {@code fromMs} on, {@code
   * stepMs} apart, waiting: queued, or scheduled for a later time when one is given. Only in
   * PostgreSQL: reconciliation finds them and puts them into Redis, as after a Redis flush.
   */
  private static final String LOAD_WAITING =
      """
      WITH spec AS (
        SELECT (? + floor(g * ?::double precision))::bigint AS ms FROM generate_series(0, ? - 1) g
      )
      INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts, created_at,
                        scheduled_at, attempt_budget, submitted_by)
      SELECT (lpad(to_hex(ms), 12, '0') || '7' || substr(md5(random()::text), 1, 3) || '8'
              || substr(md5(random()::text), 1, 15))::uuid,
             'noop', '{"n": 1}'::jsonb, 'MEDIUM', ?, 0, 3, to_timestamp(ms / 1000.0),
             ?, 3, 'bench'
      FROM spec
      """;

  private final String url;
  private final String user;
  private final String password;

  public BenchDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Loads {@code n} jobs created evenly over [{@code from}, {@code to}). */
  public void load(Connection c, long n, Instant from, Instant to) throws SQLException {
    inChunks(c, LOAD, n, from, to, s -> s.setString(4, TYPE));
  }

  /**
   * Loads {@code n} waiting jobs created evenly over [{@code from}, {@code to}): queued, or
   * scheduled to run at {@code runAt} when it is not null.
   */
  public void loadWaiting(Connection c, long n, Instant from, Instant to, Instant runAt)
      throws SQLException {
    inChunks(
        c,
        LOAD_WAITING,
        n,
        from,
        to,
        s -> {
          s.setString(4, runAt == null ? "QUEUED" : "SCHEDULED");
          s.setTimestamp(5, runAt == null ? null : Timestamp.from(runAt));
        });
  }

  /** The rest of a load statement's parameters, after its first three (start, step, count). */
  @FunctionalInterface
  private interface Parameters {
    void set(PreparedStatement s) throws SQLException;
  }

  /** Runs a load statement for {@code n} rows spread evenly over [from, to), a chunk at a time. */
  private static void inChunks(
      Connection c, String load, long n, Instant from, Instant to, Parameters rest)
      throws SQLException {
    double step = (double) (to.toEpochMilli() - from.toEpochMilli()) / n;
    for (long done = 0; done < n; done += CHUNK) {
      try (PreparedStatement s = c.prepareStatement(load)) {
        s.setLong(1, from.toEpochMilli() + (long) Math.floor(done * step));
        s.setDouble(2, step);
        s.setLong(3, Math.min(CHUNK, n - done));
        rest.set(s);
        s.executeUpdate();
      }
    }
  }

  /** Loaded jobs created at or after {@code since} (along the type index). */
  public long countSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT count(*) FROM jobs WHERE type = ? AND id >= ?")) {
      s.setString(1, TYPE);
      s.setObject(2, firstIdAt(since));
      return single(s);
    }
  }

  /** Whether any loaded job created before {@code cutoff} is still there. */
  public boolean anyBefore(Connection c, Instant cutoff) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT count(*) FROM (SELECT 1 FROM jobs WHERE type = ? AND id < ? LIMIT 1) x")) {
      s.setString(1, TYPE);
      s.setObject(2, firstIdAt(cutoff));
      return single(s) > 0;
    }
  }

  /** Bytes of WAL written so far (its current position). */
  public long walPosition(Connection c) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
      return single(s);
    }
  }

  /**
   * Leaves the tables as a database that has been running for a while has them: visibility set by
   * VACUUM, statistics current, the load's dirty pages written (else the prune would be measured
   * writing them).
   */
  public void settle(Connection c) throws SQLException {
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      s.execute("VACUUM ANALYZE jobs");
      s.execute("VACUUM ANALYZE job_attempts");
      s.execute("CHECKPOINT");
    }
  }

  /** Size of a table with its indexes and TOAST, in bytes. */
  public long size(Connection c, String table) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_total_relation_size(?::regclass)")) {
      s.setString(1, table);
      return single(s);
    }
  }

  /** The smallest UUIDv7 of an instant's millisecond: every job created before it sorts lower. */
  static UUID firstIdAt(Instant at) {
    return new UUID((at.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
  }

  private static long single(PreparedStatement s) throws SQLException {
    try (ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }
}
