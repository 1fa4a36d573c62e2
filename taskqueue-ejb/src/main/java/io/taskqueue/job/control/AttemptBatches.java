package io.taskqueue.job.control;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.entity.EventType;
import io.taskqueue.job.entity.FinishedAttempt;
import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.job.entity.JobEvents;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.LeaseEnd;
import io.taskqueue.job.entity.ParentsEnded;
import io.taskqueue.job.entity.StartedAttempt;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The two hot status writes, for many attempts in one statement each: start and success ({@link
 * StatusSql#START_ALL}, {@link StatusSql#COMPLETE_ALL}). Same guards as every write (the verb's
 * sources; attempt and lease fence a success), one round trip and one commit per batch instead of
 * per job.
 */
@Stateless
public class AttemptBatches {

  @Inject @TaskqueueDatabase DataSource dataSource;

  @Inject Event<JobEvents> events;
  @Inject Event<ParentsEnded> parentsEnded;

  /**
   * Starts the next attempt of each startable job in {@code leases} (job id to lease id) for {@code
   * owner}; returns what the workers need to run them. Jobs that may not start (cancelled, or
   * already run) are left out. Their {@code job.started} is announced by the worker thread that
   * takes each, when its handler begins, with that thread as {@code workerId}.
   */
  public List<StartedAttempt> startAll(Map<UUID, Long> leases, String owner) {
    UUID[] ids = leases.keySet().toArray(UUID[]::new);
    Long[] leaseIds = new Long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      leaseIds[i] = leases.get(ids[i]);
    }
    List<StartedAttempt> started = new ArrayList<>(ids.length);
    Instant now = Instant.now();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(StatusSql.START_ALL)) {
      update.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
      update.setString(2, owner);
      update.setArray(3, connection.createArrayOf("uuid", ids));
      update.setArray(4, connection.createArrayOf("bigint", leaseIds));
      try (ResultSet row = update.executeQuery()) {
        while (row.next()) {
          started.add(AttemptSql.started(row));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not start " + ids.length + " attempt(s)", e);
    }
    return started;
  }

  /**
   * Why these claimed jobs did not start: each one's status and when it is due (a job missing from
   * the answer was deleted). A retrying or scheduled job that is not due yet goes back to wait.
   */
  public Map<UUID, LeaseEnd> notStarted(Collection<UUID> jobIds) {
    Map<UUID, LeaseEnd> found = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(StatusSql.NOT_STARTED)) {
      query.setArray(1, connection.createArrayOf("uuid", jobIds.toArray()));
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          found.put(
              (UUID) row.getObject(1),
              new LeaseEnd(
                  LeaseEnd.Outcome.UNCHANGED,
                  JobStatus.valueOf(row.getString(2)),
                  dueAt(row.getTimestamp(3))));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read " + jobIds.size() + " job(s)", e);
    }
    return found;
  }

  private static java.time.OffsetDateTime dueAt(java.sql.Timestamp due) {
    return due == null ? null : due.toInstant().atOffset(java.time.ZoneOffset.UTC);
  }

  /**
   * Records the successes whose attempt is still current, with their attempt records; returns their
   * job ids. A success whose attempt is no longer current (the lease expired and the job ran again,
   * or it was cancelled) changes nothing.
   */
  public Set<UUID> completeAll(List<FinishedAttempt> finished) {
    int n = finished.size();
    UUID[] ids = new UUID[n];
    Integer[] attempts = new Integer[n];
    Long[] leases = new Long[n];
    String[] results = new String[n];
    String[] workers = new String[n];
    Long[] finishedMicros = new Long[n];
    for (int i = 0; i < n; i++) {
      FinishedAttempt f = finished.get(i);
      ids[i] = f.jobId();
      attempts[i] = f.attempt();
      leases[i] = f.leaseId();
      results[i] = f.resultJson();
      workers[i] = f.workerId();
      finishedMicros[i] =
          f.finishedAt().getEpochSecond() * 1_000_000 + f.finishedAt().getNano() / 1_000;
    }
    Set<UUID> accepted = new HashSet<>();
    List<JobEvent> announced = new ArrayList<>(n);
    boolean parents = false;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(StatusSql.COMPLETE_ALL)) {
      update.setArray(1, connection.createArrayOf("uuid", ids));
      update.setArray(2, connection.createArrayOf("integer", attempts));
      update.setArray(3, connection.createArrayOf("bigint", leases));
      update.setArray(4, connection.createArrayOf("text", results));
      update.setArray(5, connection.createArrayOf("text", workers));
      update.setArray(6, connection.createArrayOf("bigint", finishedMicros));
      try (ResultSet row = update.executeQuery()) {
        while (row.next()) {
          JobEvent completed = AttemptSql.completedEvent(row, EventType.JOB_COMPLETED);
          accepted.add(completed.jobId());
          announced.add(completed);
          parents |= row.getBoolean(8);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record " + n + " success(es)", e);
    }
    events.fire(new JobEvents(announced, false));
    if (parents) {
      parentsEnded.fire(new ParentsEnded());
    }
    return accepted;
  }

  /**
   * Ends a successful attempt whose result PostgreSQL refused to store: the job is dead with {@code
   * error} (not retried: its handler would return the same result), fenced by attempt and lease
   * like a success. Whether it was ended (false when the attempt is no longer current).
   */
  public boolean buryUnstorable(FinishedAttempt finished, String error) {
    JobEvent failed = null;
    boolean parents = false;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update = connection.prepareStatement(StatusSql.BURY_UNSTORABLE)) {
      update.setString(1, error);
      update.setString(2, finished.workerId());
      update.setObject(3, finished.finishedAt().atOffset(java.time.ZoneOffset.UTC));
      update.setObject(4, finished.jobId());
      update.setInt(5, finished.attempt());
      update.setLong(6, finished.leaseId());
      try (ResultSet row = update.executeQuery()) {
        if (row.next()) {
          failed =
              AttemptSql.completedEvent(row, EventType.JOB_FAILED)
                  .withError(error)
                  .as(EventType.JOB_FAILED, JobStatus.DEAD);
          parents = row.getBoolean(8);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not end job " + finished.jobId(), e);
    }
    if (failed == null) {
      return false;
    }
    events.fire(JobEvents.of(failed, failed.as(EventType.JOB_DEAD, JobStatus.DEAD)));
    if (parents) {
      parentsEnded.fire(new ParentsEnded());
    }
    return true;
  }
}
