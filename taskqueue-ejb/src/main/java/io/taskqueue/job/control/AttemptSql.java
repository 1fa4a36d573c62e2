package io.taskqueue.job.control;

import io.taskqueue.events.entity.EventType;
import io.taskqueue.events.entity.JobEvent;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.StartedAttempt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The statements of {@link AttemptBatches}, and how their rows become attempts and events. */
final class AttemptSql {

  /**
   * Parameters: start time, owner, job ids, lease ids (parallel to the ids), allowed sources.
   * Payload is read in the same statement: the claim path reads nothing else.
   */
  static final String START =
      "UPDATE jobs j SET status = 'RUNNING', attempt = j.attempt + 1, started_at = ?,"
          + " finished_at = NULL, worker_id = ?, lease_id = c.lease"
          + " FROM unnest(?::uuid[], ?::bigint[]) AS c(id, lease)"
          + " WHERE j.id = c.id AND j.status = ANY (?::text[])"
          // a retrying or scheduled job never starts before it is due, whatever copy Redis held
          + " AND (j.status = 'QUEUED' OR j.scheduled_at IS NULL OR j.scheduled_at <= now())"
          + " RETURNING j.id, j.type, j.payload::text, j.priority, j.attempt, j.max_attempts,"
          + " j.backoff_initial_ms, j.backoff_multiplier, j.backoff_max_ms, j.backoff_jitter,"
          + " j.timeout_ms, coalesce(j.scheduled_at, j.created_at)";

  /**
   * Parameters: job ids, attempts, results (JSON text), worker ids, finish times (epoch µs),
   * allowed sources. Writes the attempt records in the same round trip; returns what the events
   * need.
   */
  static final String COMPLETE =
      "WITH done AS ("
          + " UPDATE jobs j SET status = 'COMPLETED', result = c.result::jsonb, last_error = NULL,"
          + " scheduled_at = NULL, finished_at = timestamptz 'epoch' + c.finished * interval '1 microsecond',"
          + " worker_id = c.worker"
          + " FROM unnest(?::uuid[], ?::integer[], ?::text[], ?::text[], ?::bigint[])"
          + " AS c(id, attempt, result, worker, finished)"
          + " WHERE j.id = c.id AND j.attempt = c.attempt AND j.status = ANY (?::text[])"
          + ""
          + " RETURNING j.id, j.type, j.priority, j.attempt, j.lease_id, j.worker_id,"
          + " j.started_at, j.finished_at),"
          + " recorded AS ("
          + " INSERT INTO job_attempts"
          + " (job_id, attempt, lease_id, worker_id, started_at, finished_at, outcome)"
          + " SELECT id, attempt, lease_id, worker_id, started_at, finished_at, 'COMPLETED'"
          + " FROM done)"
          + " SELECT id, type, priority, attempt, worker_id, started_at, finished_at FROM done";

  /** Parameters: job ids. Why claimed jobs did not start: their status and when they are due. */
  static final String NOT_STARTED =
      "SELECT id, status, scheduled_at FROM jobs WHERE id = ANY (?::uuid[])";

  private AttemptSql() {}

  static StartedAttempt started(ResultSet row) throws SQLException {
    return new StartedAttempt(
        row.getObject(1, UUID.class),
        row.getString(2),
        row.getString(3),
        Priority.valueOf(row.getString(4)),
        row.getInt(5),
        row.getInt(6),
        new RetryPolicy(
            (Long) row.getObject(7),
            (Double) row.getObject(8),
            (Long) row.getObject(9),
            (Double) row.getObject(10)),
        (Long) row.getObject(11),
        row.getObject(12, OffsetDateTime.class).toInstant());
  }

  /** {@code job.completed} for a row of {@link #COMPLETE}, with how long the attempt ran. */
  static JobEvent completedEvent(ResultSet row, EventType type) throws SQLException {
    OffsetDateTime started = row.getObject(6, OffsetDateTime.class);
    OffsetDateTime finished = row.getObject(7, OffsetDateTime.class);
    return new JobEvent(
        type.wireName(),
        row.getObject(1, UUID.class),
        row.getString(2),
        Priority.valueOf(row.getString(3)).wireName(),
        JobStatus.COMPLETED.wireName(),
        row.getInt(4),
        row.getString(5),
        Instant.now(),
        started == null ? null : Duration.between(started, finished).toMillis(),
        null,
        null);
  }
}
