package io.taskqueue.job.control;

import io.taskqueue.job.entity.Job;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Stores new jobs with one INSERT per submission, whatever its size: the columns go as arrays and
 * PostgreSQL unnests them. Profiled, the ORM's per-entity bookkeeping cost more than the insert.
 * Runs in the caller's transaction (MANDATORY), so the rows commit with the rest of the submission;
 * a plain bean, not an EJB, as it is called once per request.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class JobInserts {

  static final String INSERT =
      "INSERT INTO jobs (id, type, payload, priority, status, attempt, max_attempts,"
          + " attempt_budget, created_at, scheduled_at, backoff_initial_ms, backoff_multiplier,"
          + " backoff_max_ms, backoff_jitter, timeout_ms, submitted_by, schedule_name, fire_time,"
          + " workflow_id, workflow_key, waiting_for, on_parent_failure, has_children)"
          + " SELECT id, type, payload::jsonb, priority, status, 0, max_attempts, max_attempts,"
          + " timestamptz 'epoch' + created * interval '1 microsecond',"
          + " timestamptz 'epoch' + scheduled * interval '1 microsecond', initial_ms, multiplier,"
          + " max_ms, jitter, timeout_ms, submitted_by, schedule_name,"
          + " timestamptz 'epoch' + fire_time * interval '1 microsecond', workflow_id,"
          + " workflow_key, waiting_for, on_parent_failure, has_children"
          + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::bigint[], ?::float8[],"
          + " ?::bigint[], ?::text[], ?::text[], ?::bigint[], ?::uuid[], ?::text[], ?::integer[],"
          + " ?::text[], ?::boolean[])"
          + " AS n(id, type, payload, priority, status, max_attempts, created, scheduled,"
          + " initial_ms, multiplier, max_ms, jitter, timeout_ms, submitted_by, schedule_name,"
          + " fire_time, workflow_id, workflow_key, waiting_for, on_parent_failure, has_children)";

  /** A schedule's jobs: a fire time that has its job already gets no second one. */
  static final String INSERT_FIRED =
      INSERT
          + " ON CONFLICT (schedule_name, fire_time) WHERE schedule_name IS NOT NULL DO NOTHING"
          + " RETURNING id";

  @Resource(lookup = "java:app/jdbc/taskqueue")
  DataSource dataSource;

  public void insert(List<Job> jobs) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = prepare(connection, INSERT, jobs)) {
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store " + jobs.size() + " job(s)", e);
    }
  }

  /**
   * Stores a schedule's jobs, each for its own fire time, and returns the ids of those stored: a
   * job whose schedule and fire time already have one is left out (the unique index decides, so
   * this holds whatever any other node does at the same moment).
   */
  public static Set<UUID> insertFired(Connection connection, List<Job> jobs) throws SQLException {
    Set<UUID> stored = new HashSet<>();
    try (PreparedStatement insert = prepare(connection, INSERT_FIRED, jobs);
        ResultSet ids = insert.executeQuery()) {
      while (ids.next()) {
        stored.add(UUID.fromString(ids.getString(1)));
      }
    }
    return stored;
  }

  private static PreparedStatement prepare(Connection connection, String sql, List<Job> jobs)
      throws SQLException {
    int n = jobs.size();
    Object[][] columns = new Object[21][n];
    for (int i = 0; i < n; i++) {
      Job job = jobs.get(i);
      columns[0][i] = job.getId();
      columns[1][i] = job.getType();
      columns[2][i] = job.getPayload();
      columns[3][i] = job.getPriority().name();
      columns[4][i] = job.getStatus().name();
      columns[5][i] = job.getMaxAttempts();
      columns[6][i] = micros(job.getCreatedAt());
      columns[7][i] = micros(job.getScheduledAt());
      columns[8][i] = job.getRetryPolicy().initialMs();
      columns[9][i] = job.getRetryPolicy().multiplier();
      columns[10][i] = job.getRetryPolicy().maxMs();
      columns[11][i] = job.getRetryPolicy().jitter();
      columns[12][i] = job.getTimeoutMs();
      columns[13][i] = job.getSubmittedBy();
      columns[14][i] = job.getScheduleName();
      columns[15][i] = micros(job.getFireTime());
      columns[16][i] = job.getWorkflowId();
      columns[17][i] = job.getWorkflowKey();
      columns[18][i] = job.getWaitingFor();
      columns[19][i] = job.getOnParentFailure();
      columns[20][i] = job.hasChildren();
    }
    String[] types = {
      "uuid", "text", "text", "text", "text", "integer", "bigint", "bigint", "bigint", "float8",
      "bigint", "float8", "bigint", "text", "text", "bigint", "uuid", "text", "integer", "text",
      "boolean"
    };
    PreparedStatement insert = connection.prepareStatement(sql);
    try {
      for (int c = 0; c < columns.length; c++) {
        insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
      }
      return insert;
    } catch (SQLException e) {
      insert.close();
      throw e;
    }
  }

  static Long micros(java.time.OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    return time.toEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }
}
