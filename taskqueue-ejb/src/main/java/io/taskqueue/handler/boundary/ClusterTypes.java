package io.taskqueue.handler.boundary;

import io.taskqueue.JobDefaults;
import io.taskqueue.configuration.control.TaskqueueDatabase;
import io.taskqueue.handler.control.DefaultsJson;
import io.taskqueue.handler.control.TypeRegistrySql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The job types the cluster runs, as its worker nodes register them in PostgreSQL: each such node
 * renews its types every few seconds, and every node reads them all back, so that a node accepts a
 * submit of any type that some node runs (an API node needs no handlers, nor their settings) with
 * that type's handler defaults. A type no node renewed for {@code
 * taskqueue.types.forget-after-hours} (a week) is forgotten: submits of it are refused again.
 */
@ApplicationScoped
public class ClusterTypes {

  @Inject @TaskqueueDatabase DataSource dataSource;
  @Inject JobHandlers handlers;

  @Inject
  @ConfigProperty(name = "taskqueue.types.forget-after-hours", defaultValue = "168")
  long forgetAfterHours;

  @Inject
  @ConfigProperty(name = "taskqueue.types.interval-ms", defaultValue = "5000")
  long intervalMillis;

  private volatile Map<String, TypeRegistrySql.Registered> registered = Map.of();

  /** Registers the types this node's workers run, with their defaults. */
  public void register(String node) {
    Map<String, String> own = new TreeMap<>();
    for (String type : handlers.runTypes()) {
      own.put(type, DefaultsJson.write(handlers.defaultsFor(type).orElse(JobDefaults.none())));
    }
    try (Connection c = dataSource.getConnection()) {
      TypeRegistrySql.register(c, node, own);
    } catch (SQLException e) {
      throw new IllegalStateException("could not register job types: " + e.getMessage(), e);
    }
  }

  /** Reads the cluster's types again (and forgets those nobody renewed in time). */
  public void refresh() {
    try (Connection c = dataSource.getConnection()) {
      registered = Map.copyOf(TypeRegistrySql.registered(c, Duration.ofHours(forgetAfterHours)));
    } catch (SQLException e) {
      throw new IllegalStateException("could not read job types: " + e.getMessage(), e);
    }
  }

  /** The types some node of the cluster registered, as last read. */
  public Set<String> known() {
    return registered.keySet();
  }

  /** The defaults the latest registration of {@code type} gave. */
  public Optional<JobDefaults> defaultsFor(String type) {
    return Optional.ofNullable(registered.get(type)).map(r -> DefaultsJson.read(r.defaultsJson()));
  }

  /**
   * Whether some node renewed {@code type} lately (within three renewal intervals): a live node
   * runs it.
   */
  public boolean liveNodeRuns(String type) {
    Instant since = Instant.now().minusMillis(3 * intervalMillis);
    return lastSeen(type).map(seen -> seen.isAfter(since)).orElse(false);
  }

  /** When some node last renewed {@code type}; empty when none ever did (or it was forgotten). */
  public Optional<Instant> lastSeen(String type) {
    return Optional.ofNullable(registered.get(type)).map(TypeRegistrySql.Registered::lastSeen);
  }
}
