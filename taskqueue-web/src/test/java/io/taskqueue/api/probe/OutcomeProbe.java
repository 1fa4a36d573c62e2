package io.taskqueue.api.probe;

import io.taskqueue.JobCompleted;
import io.taskqueue.JobDead;
import io.taskqueue.JobFailed;
import io.taskqueue.JobOutcome;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * The test application's observers of job outcomes. Every delivery is noted in memory (also those
 * that throw); each one that returns also writes a row through taskqueue's datasource, in the
 * delivery's transaction. A completed job whose result asks for it ({@code "failObserverOnce":
 * true}) makes the first delivery throw after writing its row: that row must roll back with it.
 */
@ApplicationScoped
public class OutcomeProbe {

  @Resource(lookup = "java:app/jdbc/taskqueue")
  DataSource taskqueueDatabase;

  private final Map<UUID, List<String>> delivered = new ConcurrentHashMap<>();
  private final Set<UUID> failedOnce = ConcurrentHashMap.newKeySet();

  void completed(@Observes JobCompleted outcome) throws SQLException {
    boolean failOnce =
        outcome.result() instanceof JsonObject result
            && result.getBoolean("failObserverOnce", false)
            && failedOnce.add(outcome.jobId());
    note(outcome, "completed:" + outcome.attempt() + ":" + outcome.result());
    write(outcome, "completed");
    if (failOnce) {
      note(outcome, "threw");
      throw new IllegalStateException("the observer fails once, as asked");
    }
  }

  void failed(@Observes JobFailed outcome) throws SQLException {
    note(outcome, "failed:" + outcome.attempt());
    write(outcome, "failed");
  }

  void dead(@Observes JobDead outcome) throws SQLException {
    note(outcome, "dead:" + outcome.attempt());
    write(outcome, "dead");
  }

  /** Sees every kind: the same outcome once more, under its common type. */
  void any(@Observes JobOutcome outcome) {
    note(outcome, "any");
  }

  public List<String> deliveredFor(UUID jobId) {
    return List.copyOf(delivered.getOrDefault(jobId, List.of()));
  }

  /** The outcomes whose deliveries committed, as rows. */
  public int committedFor(UUID jobId) throws SQLException {
    try (Connection c = taskqueueDatabase.getConnection()) {
      createTable(c);
    }
    try (Connection c = taskqueueDatabase.getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT count(*) FROM probe_outcomes WHERE job_id = ?")) {
      s.setObject(1, jobId);
      try (var r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }

  private void note(JobOutcome outcome, String what) {
    delivered.computeIfAbsent(outcome.jobId(), id -> new CopyOnWriteArrayList<>()).add(what);
  }

  private void write(JobOutcome outcome, String kind) throws SQLException {
    try (Connection c = taskqueueDatabase.getConnection()) {
      createTable(c);
      try (PreparedStatement s =
          c.prepareStatement("INSERT INTO probe_outcomes (job_id, kind) VALUES (?, ?)")) {
        s.setObject(1, outcome.jobId());
        s.setString(2, kind);
        s.executeUpdate();
      }
    }
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS probe_outcomes (job_id uuid, kind text)");
    }
  }
}
