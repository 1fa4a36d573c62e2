package io.taskqueue.workflow.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.Tables;
import io.taskqueue.workflow.entity.WorkflowMember;
import io.taskqueue.workflow.entity.WorkflowPage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a workflow a page at a time, and only the columns a page shows: a 10,000-job workflow of 1
 * MiB payloads read whole would take gigabytes for one request.
 */
public final class WorkflowSql {

  private WorkflowSql() {}

  /**
   * Up to {@code limit} of the workflow's jobs after {@code after} (null: from the first), with the
   * status counts of all of them; empty when the workflow has no jobs.
   */
  public static Optional<WorkflowPage> page(Connection c, UUID workflow, UUID after, int limit)
      throws SQLException {
    Map<JobStatus, Long> statuses = new EnumMap<>(JobStatus.class);
    String submittedBy = null;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT status, count(*), min(submitted_by) FROM "
                + Tables.JOBS
                + " WHERE workflow_id = ?"
                + " GROUP BY status")) {
      s.setObject(1, workflow);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          statuses.put(JobStatus.valueOf(r.getString(1)), r.getLong(2));
          submittedBy = submittedBy == null ? r.getString(3) : submittedBy;
        }
      }
    }
    if (statuses.isEmpty()) {
      return Optional.empty();
    }
    List<WorkflowMember> members = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, workflow_key, type, status, created_at, started_at, finished_at"
                + " FROM "
                + Tables.JOBS
                + " WHERE workflow_id = ? AND id > ? ORDER BY id LIMIT ?")) {
      s.setObject(1, workflow);
      s.setObject(2, after == null ? new UUID(0, 0) : after); // the least uuid
      s.setInt(3, limit + 1);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          UUID id = (UUID) r.getObject(1);
          ids.add(id);
          rows.add(
              new Object[] {
                id,
                r.getString(2),
                r.getString(3),
                JobStatus.valueOf(r.getString(4)),
                r.getObject(5, OffsetDateTime.class),
                r.getObject(6, OffsetDateTime.class),
                r.getObject(7, OffsetDateTime.class)
              });
        }
      }
    }
    boolean more = rows.size() > limit;
    if (more) {
      rows.remove(limit);
      ids.remove(limit);
    }
    Map<UUID, List<UUID>> parents = parentsOf(c, ids);
    for (Object[] row : rows) {
      UUID id = (UUID) row[0];
      members.add(
          new WorkflowMember(
              id,
              (String) row[1],
              (String) row[2],
              (JobStatus) row[3],
              parents.getOrDefault(id, List.of()),
              (OffsetDateTime) row[4],
              (OffsetDateTime) row[5],
              (OffsetDateTime) row[6]));
    }
    return Optional.of(new WorkflowPage(submittedBy, statuses, members, more));
  }

  /** The workflow's unfinished jobs, in submission order; empty when it has no jobs at all. */
  public static Optional<List<UUID>> unfinished(Connection c, UUID workflow) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    boolean any = false;
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT id, final_status IS NULL FROM "
                + Tables.JOBS
                + " WHERE workflow_id = ? ORDER BY id")) {
      s.setObject(1, workflow);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          any = true;
          if (r.getBoolean(2)) {
            ids.add((UUID) r.getObject(1));
          }
        }
      }
    }
    return any ? Optional.of(ids) : Optional.empty();
  }

  private static Map<UUID, List<UUID>> parentsOf(Connection c, List<UUID> jobs)
      throws SQLException {
    Map<UUID, List<UUID>> parents = new HashMap<>();
    if (jobs.isEmpty()) {
      return parents;
    }
    Array ids = c.createArrayOf("uuid", jobs.toArray());
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT job_id, parent_id FROM "
                + Tables.JOB_DEPENDENCIES
                + " WHERE job_id = ANY (?)"
                + " ORDER BY job_id, parent_id")) {
      s.setArray(1, ids);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          parents
              .computeIfAbsent((UUID) r.getObject(1), k -> new ArrayList<>())
              .add((UUID) r.getObject(2));
        }
      }
    }
    return parents;
  }
}
