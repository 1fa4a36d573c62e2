package io.taskqueue.job.control;

import io.taskqueue.job.entity.Job;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
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
          + " backoff_max_ms, backoff_jitter, timeout_ms, submitted_by)"
          + " SELECT id, type, payload::jsonb, priority, status, 0, max_attempts, max_attempts,"
          + " timestamptz 'epoch' + created * interval '1 microsecond',"
          + " timestamptz 'epoch' + scheduled * interval '1 microsecond', initial_ms, multiplier,"
          + " max_ms, jitter, timeout_ms, submitted_by"
          + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::integer[],"
          + " ?::bigint[], ?::bigint[], ?::bigint[], ?::float8[], ?::bigint[], ?::float8[],"
          + " ?::bigint[], ?::text[])"
          + " AS n(id, type, payload, priority, status, max_attempts, created, scheduled,"
          + " initial_ms, multiplier, max_ms, jitter, timeout_ms, submitted_by)";

  @Resource(lookup = "java:app/jdbc/taskqueue")
  DataSource dataSource;

  public void insert(List<Job> jobs) {
    int n = jobs.size();
    Object[][] columns = new Object[14][n];
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
    }
    String[] types = {
      "uuid", "text", "text", "text", "text", "integer", "bigint", "bigint", "bigint", "float8",
      "bigint", "float8", "bigint", "text"
    };
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int c = 0; c < columns.length; c++) {
        insert.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
      }
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store " + n + " job(s)", e);
    }
  }

  static Long micros(java.time.OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    return time.toEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }
}
