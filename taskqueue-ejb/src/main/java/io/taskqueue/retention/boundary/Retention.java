package io.taskqueue.retention.boundary;

import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.retention.control.PruneRound;
import io.taskqueue.retention.entity.PruneReport;
import io.taskqueue.retention.entity.RetentionAges;
import io.taskqueue.retention.entity.RetentionChange;
import io.taskqueue.retention.entity.RetentionPacing;
import io.taskqueue.retention.entity.RetentionRun;
import io.taskqueue.retention.entity.RetentionSettings;
import io.taskqueue.schema.control.Tables;
import io.taskqueue.worker.control.NodeIdentity;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Retention as configured ({@code taskqueue.retention.completed-days} 7, {@code .dead-days} and
 * {@code .cancelled-days} 30, {@code .audit-days} 365; 0 keeps for ever) and as an admin changed it
 * at run time (stored in PostgreSQL, so every node applies the change at its next round). A round
 * runs outside any JTA transaction: its batches are short transactions of their own. A bad
 * configured value stops the deployment with the key's name.
 */
@ApplicationScoped
public class Retention {

  /** The kinds of rows a round removes, as the metrics and the API name them. */
  public static final List<String> KINDS =
      List.of(
          "completed",
          "dead",
          "cancelled",
          PruneReport.IDEMPOTENCY_KEYS,
          PruneReport.AUDIT_ENTRIES);

  @PersistenceContext(unitName = "taskqueue")
  EntityManager em;

  @Inject @TaskqueueDatabase DataSource dataSource;

  @Inject NodeIdentity node;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.completed-days", defaultValue = "7")
  int completedDays;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.dead-days", defaultValue = "30")
  int deadDays;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.cancelled-days", defaultValue = "30")
  int cancelledDays;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.audit-days", defaultValue = "365")
  int auditDays;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.batch", defaultValue = "1000")
  int batch;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.max-run-ms", defaultValue = "10000")
  long maxRunMillis;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.db-share", defaultValue = "0.25")
  double dbShare;

  @Inject
  @ConfigProperty(name = "taskqueue.retention.interval-ms", defaultValue = "60000")
  long intervalMillis;

  private RetentionAges configured;
  private RetentionPacing pacing;
  private PruneRound round;
  private Histogram roundMillis;

  @PostConstruct
  void configure() {
    try {
      configured = new RetentionAges(completedDays, deadDays, cancelledDays, auditDays);
    } catch (IllegalArgumentException e) {
      // completedDays is taskqueue.retention.completed-days, and so on.
      throw new IllegalArgumentException(
          "invalid taskqueue.retention.*-days setting: " + e.getMessage(), e);
    }
    pacing = new RetentionPacing(batch, Duration.ofMillis(maxRunMillis), dbShare);
    round = new PruneRound(pacing, length -> Thread.sleep(length.toMillis()), System::nanoTime);
    // Registered at 0: "nothing removed yet" is a line at zero on a dashboard.
    for (String kind : KINDS) {
      metrics.counter("taskqueue.retention.removed", new Tag("kind", kind));
    }
    roundMillis = metrics.histogram("taskqueue.retention.round.ms");
  }

  public RetentionPacing pacing() {
    return pacing;
  }

  /** How often each node tries to take a round. */
  public Duration interval() {
    return Duration.ofMillis(intervalMillis);
  }

  /** The ages in force and where they come from. */
  @Transactional(TxType.SUPPORTS)
  public RetentionSettings settings() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT completed_days, dead_days, cancelled_days, audit_days, updated_by,"
                    + " updated_at FROM "
                    + Tables.RETENTION_SETTINGS
                    + " WHERE id = 1")
            .getResultList();
    if (rows.isEmpty()) {
      return new RetentionSettings(configured, configured, null, null);
    }
    Object[] row = (Object[]) rows.get(0);
    RetentionAges ages =
        new RetentionAges(
            or(row[0], configured.completedDays()),
            or(row[1], configured.deadDays()),
            or(row[2], configured.cancelledDays()),
            or(row[3], configured.auditDays()));
    return new RetentionSettings(ages, configured, (String) row[4], instant(row[5]));
  }

  /**
   * Applies an admin's change, in the caller's transaction (which records it in the audit log).
   * Every node applies it at its next round.
   */
  @Transactional(TxType.MANDATORY)
  public RetentionSettings change(RetentionChange change, String actor) {
    em.createNativeQuery(
            "INSERT INTO "
                + Tables.RETENTION_SETTINGS
                + " (id, updated_by, updated_at) VALUES (1, ?1, ?2)"
                + " ON CONFLICT (id) DO UPDATE SET updated_by = EXCLUDED.updated_by,"
                + " updated_at = EXCLUDED.updated_at")
        .setParameter(1, actor)
        .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC))
        .executeUpdate();
    change
        .days()
        .forEach(
            (age, days) ->
                em.createNativeQuery(
                        "UPDATE "
                            + Tables.RETENTION_SETTINGS
                            + " SET "
                            + RetentionChange.COLUMNS.get(age) // a fixed column name, checked
                            + " = CAST(?1 AS integer) WHERE id = 1")
                    .setParameter(1, days)
                    .executeUpdate());
    return settings();
  }

  /** The last round that took the turn, on any node; empty before the first. */
  @Transactional(TxType.SUPPORTS)
  public Optional<RetentionRun> lastRun() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT node, started_at, duration_ms, removed::text, complete"
                    + " FROM "
                    + Tables.RETENTION_RUNS
                    + " WHERE id = 1")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    Map<String, Long> removed = new LinkedHashMap<>();
    try (var reader = Json.createReader(new StringReader((String) row[3]))) {
      JsonObject json = reader.readObject();
      json.forEach((kind, n) -> removed.put(kind, ((JsonNumber) n).longValue()));
    }
    return Optional.of(
        new RetentionRun(
            (String) row[0],
            instant(row[1]),
            ((Number) row[2]).longValue(),
            removed,
            (Boolean) row[4]));
  }

  /**
   * One round with the ages in force, on a connection outside any transaction; records it as the
   * last run when it took the turn. See {@link PruneRound}.
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public PruneReport prune() throws InterruptedException {
    RetentionAges ages = settings().ages();
    Instant started = Instant.now();
    try (Connection c = dataSource.getConnection()) {
      PruneReport report = round.run(c, ages);
      if (report.turnTaken()) {
        record(c, started, report);
      }
      return report;
    } catch (SQLException e) {
      throw new IllegalStateException("retention round failed: " + e.getMessage(), e);
    }
  }

  private void record(Connection c, Instant started, PruneReport report) throws SQLException {
    report
        .removed()
        .forEach(
            (kind, n) ->
                metrics.counter("taskqueue.retention.removed", new Tag("kind", kind)).inc(n));
    roundMillis.update(report.durationMs());
    JsonObjectBuilder removed = Json.createObjectBuilder();
    report.removed().forEach(removed::add);
    try (var s =
        c.prepareStatement(
            "INSERT INTO "
                + Tables.RETENTION_RUNS
                + " (id, node, started_at, duration_ms, removed, complete)"
                + " VALUES (1, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO UPDATE SET"
                + " node = EXCLUDED.node, started_at = EXCLUDED.started_at,"
                + " duration_ms = EXCLUDED.duration_ms, removed = EXCLUDED.removed,"
                + " complete = EXCLUDED.complete")) {
      s.setString(1, node.nodeId());
      s.setObject(2, started.atOffset(ZoneOffset.UTC));
      s.setLong(3, report.durationMs());
      s.setString(4, removed.build().toString());
      s.setBoolean(5, report.complete());
      s.executeUpdate();
    }
  }

  private static int or(Object column, int fallback) {
    return column == null ? fallback : ((Number) column).intValue();
  }

  private static Instant instant(Object column) {
    if (column == null) {
      return null;
    }
    if (column instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (column instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    return Instant.parse(column.toString());
  }
}
