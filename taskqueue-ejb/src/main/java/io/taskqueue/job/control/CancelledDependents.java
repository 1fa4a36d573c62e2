package io.taskqueue.job.control;

import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The jobs that a parent's failure cancelled down the line, put back to waiting when an operator
 * retries that parent with its dependents. A cancelled job is put back only if nothing else would
 * cancel it again or hold it for ever: each of its parents is completed, unfinished, the retried
 * parent, or a job put back with it. Children that ran anyway while the parent was dead keep their
 * outcome, and the parent's end is not counted twice for them.
 */
public final class CancelledDependents {

  /** Parameters: parent id, marker, marker. Every parent of every job the failure cancelled. */
  static final String CANCELLED_BELOW =
      "WITH RECURSIVE cancelled(id) AS ("
          + " SELECT d.job_id FROM "
          + Tables.JOB_DEPENDENCIES
          + " d JOIN "
          + Tables.JOBS
          + " c ON c.id = d.job_id"
          + " WHERE d.parent_id = ? AND c.status = 'CANCELLED' AND c.last_error = ?"
          + " UNION"
          + " SELECT d.job_id FROM "
          + Tables.JOB_DEPENDENCIES
          + " d JOIN cancelled r ON d.parent_id = r.id"
          + " JOIN "
          + Tables.JOBS
          + " c ON c.id = d.job_id"
          + " WHERE c.status = 'CANCELLED' AND c.last_error = ?)"
          + " SELECT d.job_id, d.parent_id, p.status FROM "
          + Tables.JOB_DEPENDENCIES
          + " d"
          + " JOIN cancelled r ON r.id = d.job_id JOIN "
          + Tables.JOBS
          + " p ON p.id = d.parent_id";

  /** Parameter: job ids. Their parents that have not completed count again when they end. */
  static final String FORGET_OUTCOMES =
      "UPDATE "
          + Tables.JOB_DEPENDENCIES
          + " d SET parent_outcome = NULL FROM "
          + Tables.JOBS
          + " p"
          + " WHERE p.id = d.parent_id AND d.job_id = ANY(?) AND p.status <> 'COMPLETED'";

  private CancelledDependents() {}

  /**
   * Puts the jobs that {@code parent}'s failure cancelled (and theirs in turn) back to waiting, in
   * the caller's transaction, after {@code parent} was queued again; returns their ids.
   */
  public static List<UUID> rewait(Connection c, UUID parent) throws SQLException {
    Map<UUID, Map<UUID, JobStatus>> parentsOf = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(CANCELLED_BELOW)) {
      s.setObject(1, parent);
      s.setString(2, StatusSql.CANCELLED_FOR_PARENT);
      s.setString(3, StatusSql.CANCELLED_FOR_PARENT);
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          parentsOf
              .computeIfAbsent((UUID) row.getObject(1), k -> new HashMap<>())
              .put((UUID) row.getObject(2), JobStatus.valueOf(row.getString(3)));
        }
      }
    }
    Set<UUID> kept = keepable(parent, parentsOf);
    if (kept.isEmpty()) {
      return List.of();
    }
    List<UUID> moved = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(StatusSql.REWAIT_ALL)) {
      s.setArray(1, c.createArrayOf("uuid", kept.toArray()));
      try (ResultSet row = s.executeQuery()) {
        while (row.next()) {
          moved.add((UUID) row.getObject(1));
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(FORGET_OUTCOMES)) {
      s.setArray(1, c.createArrayOf("uuid", moved.toArray()));
      s.executeUpdate();
    }
    return moved;
  }

  /**
   * Of the cancelled jobs (each with its parents' statuses), those that can wait again: dropped, in
   * rounds until none is, is every job with a dead or cancelled parent that is neither the retried
   * one nor kept.
   */
  static Set<UUID> keepable(UUID retried, Map<UUID, Map<UUID, JobStatus>> parentsOf) {
    Set<UUID> kept = new HashSet<>(parentsOf.keySet());
    boolean dropped = true;
    while (dropped) {
      dropped =
          kept.removeIf(
              job ->
                  parentsOf.get(job).entrySet().stream()
                      .anyMatch(
                          p ->
                              (p.getValue() == JobStatus.DEAD
                                      || p.getValue() == JobStatus.CANCELLED)
                                  && !p.getKey().equals(retried)
                                  && !kept.contains(p.getKey())));
    }
    return kept;
  }
}
