package io.taskqueue.outcome.control;

import io.taskqueue.outcome.entity.RecordedOutcome;
import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every statement on the outbox of job outcomes and its listener registrations, on a connection the
 * caller gives (in the container, one enlisted in its JTA transaction).
 */
public final class OutcomeSql {

  private OutcomeSql() {}

  /**
   * Records that {@code node} observes outcomes: the trigger keeps them for the next {@code keep}.
   */
  public static void register(Connection c, String node, Duration keep) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + Tables.OUTCOME_LISTENERS
                + " (node_id, keep_until) VALUES (?, now() + ? * interval '1 millisecond')"
                + " ON CONFLICT (node_id) DO UPDATE SET keep_until = EXCLUDED.keep_until")) {
      s.setString(1, node);
      s.setLong(2, keep.toMillis());
      s.executeUpdate();
    }
  }

  /** Up to {@code limit} outcomes due for delivery, oldest first, read without locking. */
  public static List<Long> due(Connection c, int limit) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id FROM "
                + Tables.JOB_OUTCOMES
                + " WHERE deliver_after <= now() ORDER BY id LIMIT ?")) {
      s.setInt(1, limit);
      List<Long> ids = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          ids.add(r.getLong(1));
        }
      }
      return ids;
    }
  }

  /**
   * The outcome, locked until this transaction ends, with its job's result; empty when it was
   * delivered already or another node is delivering it now (skipped, not waited for).
   */
  public static Optional<RecordedOutcome> lock(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT o.id, o.job_id, o.job_type, o.status, o.attempt, o.error,"
                + " CASE WHEN o.status = 'COMPLETED' THEN j.result::text END, o.failures FROM "
                + Tables.JOB_OUTCOMES
                + " o LEFT JOIN "
                + Tables.JOBS
                + " j ON j.id = o.job_id WHERE o.id = ? FOR UPDATE OF o SKIP LOCKED")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new RecordedOutcome(
                r.getLong(1),
                r.getObject(2, UUID.class),
                r.getString(3),
                r.getString(4),
                r.getInt(5),
                r.getString(6),
                r.getString(7),
                r.getInt(8)));
      }
    }
  }

  public static void delete(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + Tables.JOB_OUTCOMES + " WHERE id = ?")) {
      s.setLong(1, id);
      s.executeUpdate();
    }
  }

  /**
   * Counts a failed delivery and holds the next one back, 2^(failures before) seconds: 1, 2, 4, …
   * Returns the failures so far (0 when the outcome is gone).
   */
  public static int postpone(Connection c, long id) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + Tables.JOB_OUTCOMES
                + " SET failures = failures + 1,"
                + " deliver_after = now() + power(2, least(failures, 20)) * interval '1 second'"
                + " WHERE id = ? RETURNING failures")) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    }
  }

  /**
   * Removes outcomes recorded longer than {@code keep} ago (no observer took them: none ran since)
   * and registrations that ran out; returns how many outcomes went.
   */
  public static int prune(Connection c, Duration keep) throws SQLException {
    try (PreparedStatement listeners =
        c.prepareStatement(
            "DELETE FROM " + Tables.OUTCOME_LISTENERS + " WHERE keep_until < now()")) {
      listeners.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "DELETE FROM "
                + Tables.JOB_OUTCOMES
                + " WHERE recorded_at < now() - ? * interval '1 millisecond'")) {
      s.setLong(1, keep.toMillis());
      return s.executeUpdate();
    }
  }

  /**
   * Which of {@code ids} have finished (completed, dead or cancelled) and which are gone; those
   * neither are still on their way.
   */
  public static Finished finished(Connection c, Collection<UUID> ids) throws SQLException {
    Set<UUID> finished = new HashSet<>();
    Set<UUID> gone = new HashSet<>(ids);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, final_status IS NOT NULL FROM " + Tables.JOBS + " WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          UUID id = r.getObject(1, UUID.class);
          gone.remove(id);
          if (r.getBoolean(2)) {
            finished.add(id);
          }
        }
      }
    }
    return new Finished(finished, gone);
  }

  /** Jobs that finished, and jobs that no longer exist. */
  public record Finished(Set<UUID> finished, Set<UUID> gone) {}
}
