package io.taskqueue.job.control;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.job.entity.Job;
import io.taskqueue.schema.control.Tables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
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

  /**
   * One column of {@code jobs} as an insert writes it: its value is passed in an array of {@code
   * arrayType} (or none, for a column computed from others), and {@code expression} reads it from
   * the unnested row.
   */
  private record Column(
      String name, String arrayType, String expression, Function<Job, Object> value) {

    static Column of(String name, String arrayType, Function<Job, Object> value) {
      return new Column(name, arrayType, name, value);
    }

    /** A time, passed as µs since the epoch: exact, and no time-zone conversion on the way. */
    static Column time(String name, Function<Job, OffsetDateTime> value) {
      return new Column(
          name,
          "bigint",
          "timestamptz 'epoch' + " + name + " * interval '1 microsecond'",
          job -> micros(value.apply(job)));
    }

    static Column computed(String name, String expression) {
      return new Column(name, null, expression, null);
    }

    boolean passed() {
      return arrayType != null;
    }
  }

  /** Every column a new job is stored with, in one place: the statement is built from it. */
  private static final List<Column> COLUMNS =
      List.of(
          Column.of("id", "uuid", Job::getId),
          Column.of("type", "text", Job::getType),
          new Column("payload", "text", "payload::jsonb", Job::getPayload),
          Column.of("priority", "text", job -> job.getPriority().name()),
          Column.of("status", "text", job -> job.getStatus().name()),
          Column.computed("attempt", "0"),
          Column.of("max_attempts", "integer", Job::getMaxAttempts),
          Column.computed("attempt_budget", "max_attempts"),
          Column.time("created_at", Job::getCreatedAt),
          Column.time("scheduled_at", Job::getScheduledAt),
          Column.of("backoff_initial_ms", "bigint", job -> job.getRetryPolicy().initialMs()),
          Column.of("backoff_multiplier", "float8", job -> job.getRetryPolicy().multiplier()),
          Column.of("backoff_max_ms", "bigint", job -> job.getRetryPolicy().maxMs()),
          Column.of("backoff_jitter", "float8", job -> job.getRetryPolicy().jitter()),
          Column.of("timeout_ms", "bigint", Job::getTimeoutMs),
          Column.of("submitted_by", "text", Job::getSubmittedBy),
          Column.of("schedule_name", "text", Job::getScheduleName),
          Column.time("fire_time", Job::getFireTime),
          Column.of("workflow_id", "uuid", Job::getWorkflowId),
          Column.of("workflow_key", "text", Job::getWorkflowKey),
          Column.of("waiting_for", "integer", Job::getWaitingFor),
          Column.of("on_parent_failure", "text", Job::getOnParentFailure),
          Column.of("has_children", "boolean", Job::hasChildren));

  private static final List<Column> PASSED = COLUMNS.stream().filter(Column::passed).toList();

  static final String INSERT =
      "INSERT INTO "
          + Tables.JOBS
          + " ("
          + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
          + ") SELECT "
          + COLUMNS.stream().map(Column::expression).collect(Collectors.joining(", "))
          + " FROM unnest("
          + PASSED.stream().map(c -> "?::" + c.arrayType() + "[]").collect(Collectors.joining(", "))
          + ") AS n("
          + PASSED.stream().map(Column::name).collect(Collectors.joining(", "))
          + ")";

  /** A schedule's jobs: a fire time that has its job already gets no second one. */
  static final String INSERT_FIRED =
      INSERT
          + " ON CONFLICT (schedule_name, fire_time) WHERE schedule_name IS NOT NULL DO NOTHING"
          + " RETURNING id";

  @Inject @TaskqueueDatabase DataSource dataSource;

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
    PreparedStatement insert = connection.prepareStatement(sql);
    try {
      for (int c = 0; c < PASSED.size(); c++) {
        Column column = PASSED.get(c);
        Object[] values = jobs.stream().map(column.value()).toArray();
        insert.setArray(c + 1, connection.createArrayOf(column.arrayType(), values));
      }
      return insert;
    } catch (SQLException e) {
      insert.close();
      throw e;
    }
  }

  static Long micros(OffsetDateTime time) {
    if (time == null) {
      return null;
    }
    return time.toEpochSecond() * 1_000_000 + time.getNano() / 1_000;
  }
}
