package io.taskqueue.workflow.control;

import io.taskqueue.job.control.StatusSql;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.Tables;
import io.taskqueue.workflow.entity.PendingRelease;
import io.taskqueue.workflow.entity.Relative;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements behind dependencies, on the caller's connection (in the container, enlisted in its
 * transaction), so tests run the same SQL. Releases themselves are decided by the database's {@code
 * resolve_job_dependencies} trigger (migration V12) in the transaction that ends a parent.
 */
public final class DependencySql {

  /** A stored job named as a parent: its status and who submitted it. */
  public record StoredParent(UUID id, JobStatus status, String submittedBy) {}

  private DependencySql() {}

  /**
   * Locks the stored parents (in id order, so two submissions never deadlock) until this
   * transaction ends: a parent cannot end between being read here and its dependencies being
   * stored, so the trigger that ends it sees them.
   */
  public static Map<UUID, StoredParent> lockParents(Connection c, Collection<UUID> ids)
      throws SQLException {
    Map<UUID, StoredParent> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, status, submitted_by FROM "
                + Tables.JOBS
                + " WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          UUID id = UUID.fromString(r.getString(1));
          found.put(id, new StoredParent(id, JobStatus.valueOf(r.getString(2)), r.getString(3)));
        }
      }
    }
    return found;
  }

  /** Marks stored jobs as parents, so that the trigger runs when they end. */
  public static void markParents(Connection c, Collection<UUID> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "UPDATE "
                + Tables.JOBS
                + " SET has_children = true WHERE id = ANY(?) AND NOT has_children")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      s.executeUpdate();
    }
  }

  /**
   * Stores dependencies (parallel lists); {@code outcomes} holds the outcome of a parent that has
   * ended already (it will not end again for this child), null for one still to end.
   */
  public static void insert(
      Connection c, List<UUID> children, List<UUID> parents, List<String> outcomes)
      throws SQLException {
    if (children.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + Tables.JOB_DEPENDENCIES
                + " (job_id, parent_id, parent_outcome)"
                + " SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::text[])")) {
      s.setArray(1, c.createArrayOf("uuid", children.toArray()));
      s.setArray(2, c.createArrayOf("uuid", parents.toArray()));
      s.setArray(3, c.createArrayOf("text", outcomes.toArray()));
      s.executeUpdate();
    }
  }

  public static boolean anyRelease(Connection c) throws SQLException {
    try (PreparedStatement s =
            c.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + Tables.JOB_RELEASES + ")");
        ResultSet r = s.executeQuery()) {
      return r.next() && r.getBoolean(1);
    }
  }

  /** Up to {@code limit} pending releases no other node is taking right now, oldest first. */
  public static List<PendingRelease> takeReleases(Connection c, int limit) throws SQLException {
    List<PendingRelease> taken = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT job_id, action FROM "
                + Tables.JOB_RELEASES
                + " ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED")) {
      s.setInt(1, limit);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          taken.add(
              new PendingRelease(
                  UUID.fromString(r.getString(1)), "RELEASE".equals(r.getString(2))));
        }
      }
    }
    return taken;
  }

  /** Queues the waiting jobs among {@code ids}; returns those it queued. */
  public static List<UUID> release(Connection c, List<UUID> ids) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(StatusSql.RELEASE_ALL)) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      return ids(s);
    }
  }

  /** Cancels the waiting jobs among {@code ids}; returns those it cancelled. */
  public static List<UUID> cancelForParent(Connection c, List<UUID> ids, Instant now)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(StatusSql.CANCEL_ALL_FOR_PARENT)) {
      s.setTimestamp(1, Timestamp.from(now));
      s.setArray(2, c.createArrayOf("uuid", ids.toArray()));
      return ids(s);
    }
  }

  public static void deleteReleases(Connection c, List<UUID> ids) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + Tables.JOB_RELEASES + " WHERE job_id = ANY(?)")) {
      s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      s.executeUpdate();
    }
  }

  public static List<Relative> parents(Connection c, UUID job) throws SQLException {
    return relatives(
        c,
        "SELECT j.id, j.workflow_key, j.type, j.status FROM "
            + Tables.JOB_DEPENDENCIES
            + " d"
            + " JOIN "
            + Tables.JOBS
            + " j ON j.id = d.parent_id WHERE d.job_id = ? ORDER BY j.id LIMIT 1000",
        job);
  }

  public static List<Relative> children(Connection c, UUID job) throws SQLException {
    return relatives(
        c,
        "SELECT j.id, j.workflow_key, j.type, j.status FROM "
            + Tables.JOB_DEPENDENCIES
            + " d"
            + " JOIN "
            + Tables.JOBS
            + " j ON j.id = d.job_id WHERE d.parent_id = ? ORDER BY j.id LIMIT 1000",
        job);
  }

  /** How many bytes of JSON text the jobs' payloads and results hold together. */
  public static long jsonBytes(Connection c, List<UUID> jobs) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT coalesce(sum(octet_length(payload::text)"
                + " + coalesce(octet_length(result::text), 0)), 0) FROM "
                + Tables.JOBS
                + " WHERE id = ANY (?)")) {
      s.setArray(1, c.createArrayOf("uuid", jobs.toArray()));
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  private static List<Relative> relatives(Connection c, String sql, UUID job) throws SQLException {
    List<Relative> found = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setObject(1, job);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          found.add(
              new Relative(
                  UUID.fromString(r.getString(1)),
                  r.getString(2),
                  r.getString(3),
                  JobStatus.valueOf(r.getString(4))));
        }
      }
    }
    return found;
  }

  private static List<UUID> ids(PreparedStatement s) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.add(UUID.fromString(r.getString(1)));
      }
    }
    return ids;
  }
}
