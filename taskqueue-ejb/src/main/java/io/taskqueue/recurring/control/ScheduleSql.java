package io.taskqueue.recurring.control;

import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.recurring.entity.MisfirePolicy;
import io.taskqueue.recurring.entity.OverlapPolicy;
import io.taskqueue.recurring.entity.Schedule;
import io.taskqueue.recurring.entity.ScheduleDemand;
import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every statement on the {@code schedules} table, on a connection the caller gives (in the
 * container, one enlisted in its JTA transaction), so that tests run the very same SQL.
 */
public final class ScheduleSql {

  static final String COLUMNS =
      "name, cron, time_zone, job_type, payload::text, priority, max_attempts,"
          + " backoff_initial_ms, backoff_multiplier, backoff_max_ms, backoff_jitter, timeout_ms,"
          + " overlap, misfire, misfire_limit, paused, next_fire_at, last_fire_at, last_job_id,"
          + " last_skip_at, last_skip_reason, created_by, created_at, updated_at, declared_by,"
          + " retired_at";

  private ScheduleSql() {}

  /** PostgreSQL's clock, which every node shares, to judge what is due. */
  public static Instant now(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getTimestamp(1).toInstant();
    }
  }

  /** Ends this transaction's session if it stays idle longer than {@code timeout}. */
  static void limitIdleInTransaction(Connection c, Duration timeout) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET LOCAL idle_in_transaction_session_timeout = " + timeout.toMillis());
    }
  }

  public static long count(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + Tables.SCHEDULES);
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getLong(1);
    }
  }

  /**
   * What each of {@code owner}'s schedules but {@code except} asks of the owner's submit rate, read
   * after taking the owner's budget lock, so two concurrent changes cannot both spend the same
   * headroom. A stored schedule whose cron no longer parses asks nothing (it does not fire).
   */
  public static List<ScheduleDemand> lockBudget(
      Connection c, String owner, String except, Instant now) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('schedule-budget:' || ?))")) {
      lock.setString(1, owner == null ? "" : owner);
      lock.execute();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, cron, misfire, misfire_limit FROM "
                + Tables.SCHEDULES
                + " WHERE created_by IS NOT DISTINCT FROM ? AND name <> ?")) {
      s.setString(1, owner);
      s.setString(2, except);
      List<ScheduleDemand> demands = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          try {
            demands.add(
                ScheduleBudget.demand(
                    r.getString(1),
                    r.getString(2),
                    MisfirePolicy.valueOf(r.getString(3)),
                    r.getInt(4),
                    now));
          } catch (RuntimeException stoppedSchedule) {
            demands.add(new ScheduleDemand(r.getString(1), 0, 0));
          }
        }
      }
      return demands;
    }
  }

  /** Whether an unpaused schedule's next fire time has come, by PostgreSQL's clock. */
  public static boolean anyDue(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM "
                    + Tables.SCHEDULES
                    + " WHERE NOT paused"
                    + " AND next_fire_at <= clock_timestamp())");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  /** Stores a new schedule; false when the name is taken. */
  public static boolean insert(Connection c, Schedule s) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + Tables.SCHEDULES
                + " (name, cron, time_zone, job_type, payload, priority,"
                + " max_attempts, backoff_initial_ms, backoff_multiplier, backoff_max_ms,"
                + " backoff_jitter, timeout_ms, overlap, misfire, misfire_limit, paused,"
                + " next_fire_at, created_by, created_at, updated_at, declared_by, retired_at)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (name) DO NOTHING")) {
      insert.setString(1, s.name());
      setDefinition(insert, 2, s);
      insert.setString(18, s.createdBy());
      insert.setTimestamp(19, time(s.createdAt()));
      insert.setTimestamp(20, time(s.updatedAt()));
      insert.setString(21, s.declaredBy());
      insert.setTimestamp(22, time(s.retiredAt()));
      return insert.executeUpdate() == 1;
    }
  }

  /** Replaces a schedule's definition (not its history); false when there is no such schedule. */
  public static boolean update(Connection c, Schedule s) throws SQLException {
    try (PreparedStatement update =
        c.prepareStatement(
            "UPDATE "
                + Tables.SCHEDULES
                + " SET cron = ?, time_zone = ?, job_type = ?, payload = ?::jsonb,"
                + " priority = ?, max_attempts = ?, backoff_initial_ms = ?, backoff_multiplier = ?,"
                + " backoff_max_ms = ?, backoff_jitter = ?, timeout_ms = ?, overlap = ?,"
                + " misfire = ?, misfire_limit = ?, paused = ?, next_fire_at = ?, updated_at = ?,"
                + " declared_by = ?, retired_at = ? WHERE name = ?")) {
      setDefinition(update, 1, s);
      update.setTimestamp(17, time(s.updatedAt()));
      update.setString(18, s.declaredBy());
      update.setTimestamp(19, time(s.retiredAt()));
      update.setString(20, s.name());
      return update.executeUpdate() == 1;
    }
  }

  /** Sets parameters {@code from} to {@code from + 15}: cron to next fire time. */
  private static void setDefinition(PreparedStatement s, int from, Schedule schedule)
      throws SQLException {
    NewJob job = schedule.job();
    RetryPolicy backoff = job.retryPolicy();
    s.setString(from, schedule.cron());
    s.setString(from + 1, schedule.timeZone());
    s.setString(from + 2, job.type());
    s.setString(from + 3, job.payload());
    s.setString(from + 4, job.priority().name());
    s.setInt(from + 5, job.maxAttempts());
    s.setObject(from + 6, backoff.initialMs(), Types.BIGINT);
    s.setObject(from + 7, backoff.multiplier(), Types.DOUBLE);
    s.setObject(from + 8, backoff.maxMs(), Types.BIGINT);
    s.setObject(from + 9, backoff.jitter(), Types.DOUBLE);
    s.setObject(from + 10, job.timeoutMs(), Types.BIGINT);
    s.setString(from + 11, schedule.overlap().name());
    s.setString(from + 12, schedule.misfire().name());
    s.setInt(from + 13, schedule.misfireLimit());
    s.setBoolean(from + 14, schedule.paused());
    s.setTimestamp(from + 15, time(schedule.nextFireAt()));
  }

  /** The schedule, locked for this transaction when {@code forUpdate}. */
  public static Optional<Schedule> find(Connection c, String name, boolean forUpdate)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + Tables.SCHEDULES
                + " WHERE name = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      s.setString(1, name);
      List<Schedule> found = read(s);
      return found.stream().findFirst();
    }
  }

  /** Up to {@code limit} schedules by name, after {@code after} (null for the first page). */
  public static List<Schedule> list(Connection c, String after, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + Tables.SCHEDULES
                + " WHERE name > ? ORDER BY name LIMIT ?")) {
      s.setString(1, after == null ? "" : after);
      s.setInt(2, limit);
      return read(s);
    }
  }

  /**
   * Up to {@code limit} unpaused schedules whose next fire time has come, locked for this
   * transaction; those another node is firing right now are skipped, not waited for.
   */
  public static List<Schedule> lockDue(Connection c, Instant now, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + Tables.SCHEDULES
                + " WHERE NOT paused AND next_fire_at <= ?"
                + " ORDER BY next_fire_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      s.setTimestamp(1, time(now));
      s.setInt(2, limit);
      return read(s);
    }
  }

  /** Records a round: the next fire time, and the latest job and skip when there was one. */
  public static void recordRound(
      Connection c,
      String name,
      Instant next,
      Instant firedAt,
      UUID jobId,
      Instant skippedAt,
      String skipReason)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + Tables.SCHEDULES
                + " SET next_fire_at = ?, last_fire_at = COALESCE(?, last_fire_at),"
                + " last_job_id = COALESCE(?, last_job_id),"
                + " last_skip_at = COALESCE(?, last_skip_at),"
                + " last_skip_reason = COALESCE(?, last_skip_reason) WHERE name = ?")) {
      s.setTimestamp(1, time(next));
      s.setTimestamp(2, time(firedAt));
      s.setObject(3, jobId);
      s.setTimestamp(4, time(skippedAt));
      s.setString(5, skipReason);
      s.setString(6, name);
      s.executeUpdate();
    }
  }

  /** Records a job an operator ran by hand as the schedule's latest. */
  public static void recordRunNow(Connection c, String name, UUID jobId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE " + Tables.SCHEDULES + " SET last_job_id = ? WHERE name = ?")) {
      s.setObject(1, jobId);
      s.setString(2, name);
      s.executeUpdate();
    }
  }

  public static boolean setPaused(
      Connection c, String name, boolean paused, Instant next, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + Tables.SCHEDULES
                + " SET paused = ?, next_fire_at = ?, updated_at = ? WHERE name = ?")) {
      s.setBoolean(1, paused);
      s.setTimestamp(2, time(next));
      s.setTimestamp(3, time(at));
      s.setString(4, name);
      return s.executeUpdate() == 1;
    }
  }

  /**
   * The names of schedules declared in code, not retired, whose job type is one of {@code types}:
   * those a deployment running these types may retire.
   */
  public static List<String> declaredFor(Connection c, Collection<String> types)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name FROM "
                + Tables.SCHEDULES
                + " WHERE declared_by IS NOT NULL AND retired_at IS NULL AND job_type = ANY (?)"
                + " ORDER BY name")) {
      s.setArray(1, c.createArrayOf("varchar", types.toArray()));
      List<String> names = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          names.add(r.getString(1));
        }
      }
      return names;
    }
  }

  /** Pauses a declared schedule that its deployment no longer declares. */
  public static void retire(Connection c, String name, Instant at) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + Tables.SCHEDULES
                + " SET paused = true, retired_at = ?, updated_at = ? WHERE name = ?")) {
      s.setTimestamp(1, time(at));
      s.setTimestamp(2, time(at));
      s.setString(3, name);
      s.executeUpdate();
    }
  }

  /**
   * Takes the lock that makes nodes declare their schedules one at a time, until this transaction
   * ends: two nodes booting together would otherwise both insert, or one retire what the other just
   * declared.
   */
  public static void lockDeclarations(Connection c) throws SQLException {
    try (PreparedStatement lock =
        c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('declared-schedules'))")) {
      lock.execute();
    }
  }

  public static boolean delete(Connection c, String name) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + Tables.SCHEDULES + " WHERE name = ?")) {
      s.setString(1, name);
      return s.executeUpdate() == 1;
    }
  }

  /** Whether the job exists and has not finished (completed, dead or cancelled). */
  public static boolean unfinished(Connection c, UUID jobId) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT 1 FROM " + Tables.JOBS + " WHERE id = ? AND final_status IS NULL")) {
      s.setObject(1, jobId);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static List<Schedule> read(PreparedStatement s) throws SQLException {
    List<Schedule> schedules = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        NewJob job =
            new NewJob(
                r.getString(4),
                r.getString(5),
                Priority.valueOf(r.getString(6)),
                r.getInt(7),
                null,
                new RetryPolicy(
                    (Long) r.getObject(8),
                    (Double) r.getObject(9),
                    (Long) r.getObject(10),
                    (Double) r.getObject(11)),
                (Long) r.getObject(12));
        schedules.add(
            new Schedule(
                r.getString(1),
                r.getString(2),
                r.getString(3),
                job,
                OverlapPolicy.valueOf(r.getString(13)),
                MisfirePolicy.valueOf(r.getString(14)),
                r.getInt(15),
                r.getBoolean(16),
                instant(r.getTimestamp(17)),
                instant(r.getTimestamp(18)),
                r.getString(19) == null ? null : UUID.fromString(r.getString(19)),
                instant(r.getTimestamp(20)),
                r.getString(21),
                r.getString(22),
                instant(r.getTimestamp(23)),
                instant(r.getTimestamp(24)),
                r.getString(25),
                instant(r.getTimestamp(26))));
      }
    }
    return schedules;
  }

  private static Timestamp time(Instant t) {
    return t == null ? null : Timestamp.from(t);
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
