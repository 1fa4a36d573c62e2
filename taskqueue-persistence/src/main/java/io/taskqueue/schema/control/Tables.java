package io.taskqueue.schema.control;

import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * taskqueue's tables as its SQL names them. With {@code taskqueue.db.schema} set, every name is
 * qualified by that schema, so that taskqueue's statements find its tables whatever the session's
 * {@code search_path} is: the connection may be the host application's (its own pool, its own
 * transaction), and setting {@code search_path} on it would change what the host's statements see.
 * Without it, names stay unqualified, as they always were: the session's {@code search_path}
 * decides.
 *
 * <p>The schema is read once, when this class is first used: it is a deployment setting (an
 * environment variable, a system property or the server's configuration).
 */
public final class Tables {

  /** The configuration key. */
  public static final String KEY = "taskqueue.db.schema";

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The configured schema; empty when none is. */
  public static final Optional<String> SCHEMA = checked(configured());

  public static final String API_KEYS = named("api_keys");
  public static final String AUDIT_LOG = named("audit_log");
  public static final String IDEMPOTENCY_KEYS = named("idempotency_keys");
  public static final String JOB_ATTEMPTS = named("job_attempts");
  public static final String JOB_DEPENDENCIES = named("job_dependencies");
  public static final String JOB_LOGS = named("job_logs");
  public static final String JOB_OUTCOMES = named("job_outcomes");
  public static final String JOB_PERIOD_STATS = named("job_period_stats");
  public static final String JOB_RELEASES = named("job_releases");
  public static final String JOB_STATUS_COUNTS = named("job_status_counts");
  public static final String JOB_STATUS_DELTAS = named("job_status_deltas");
  public static final String JOB_TYPES = named("job_types");
  public static final String JOBS = named("jobs");
  public static final String OUTCOME_LISTENERS = named("outcome_listeners");
  public static final String PAUSED_QUEUES = named("paused_queues");
  public static final String RETENTION_RUNS = named("retention_runs");
  public static final String RETENTION_SETTINGS = named("retention_settings");
  public static final String SCHEDULES = named("schedules");

  private Tables() {}

  /**
   * {@code schema} if it is a plain lower-case PostgreSQL name (letters, digits, {@code _}; at most
   * 63), which needs no quoting anywhere; refused naming the key otherwise.
   */
  static Optional<String> checked(Optional<String> schema) {
    schema.ifPresent(
        name -> {
          if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                KEY
                    + " must be a lower-case name of letters, digits and _ (at most 63), not \""
                    + name
                    + "\"");
          }
        });
    return schema;
  }

  private static Optional<String> configured() {
    try {
      return ConfigProvider.getConfig()
          .getOptionalValue(KEY, String.class)
          .map(String::strip)
          .filter(s -> !s.isEmpty());
    } catch (IllegalStateException | java.util.ServiceConfigurationError e) {
      // No MicroProfile Config outside a server (the engine's own database tests).
      return Optional.empty();
    }
  }

  private static String named(String table) {
    return SCHEMA.map(schema -> schema + "." + table).orElse(table);
  }
}
