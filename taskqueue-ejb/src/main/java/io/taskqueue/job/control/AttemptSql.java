package io.taskqueue.job.control;

import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.StartedAttempt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How the rows of {@link StatusSql#START_ALL} and {@link StatusSql#COMPLETE_ALL} become attempts
 * and events.
 */
final class AttemptSql {

  // Plain getters only: the application server's ResultSet wrapper serves getObject(int, Class)
  // through reflection, a method lookup per call, which showed in profiles of the drain.

  private AttemptSql() {}

  static StartedAttempt started(ResultSet row) throws SQLException {
    return new StartedAttempt(
        (UUID) row.getObject(1),
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
        row.getTimestamp(12).toInstant());
  }

  /** {@code job.completed} for a row of {@link #COMPLETE}, with how long the attempt ran. */
  static JobEvent completedEvent(ResultSet row, EventType type) throws SQLException {
    Timestamp started = row.getTimestamp(6);
    Timestamp finished = row.getTimestamp(7);
    return new JobEvent(
        type.wireName(),
        (UUID) row.getObject(1),
        row.getString(2),
        Priority.valueOf(row.getString(3)).wireName(),
        JobStatus.COMPLETED.wireName(),
        row.getInt(4),
        row.getString(5),
        Instant.now(),
        started == null
            ? null
            : Duration.between(started.toInstant(), finished.toInstant()).toMillis(),
        null,
        null);
  }
}
