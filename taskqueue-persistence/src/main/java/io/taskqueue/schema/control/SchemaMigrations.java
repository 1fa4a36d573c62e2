package io.taskqueue.schema.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration}. Safe when
 * several nodes start at once: Flyway serialises them with a PostgreSQL advisory lock.
 *
 * <p>The database may already hold an application's own tables (a team keeps its rows beside the
 * jobs, to submit in the same transaction; its persistence unit may even create them before this
 * runs). Flyway refuses a non-empty schema without its history table, so the history starts at a
 * baseline of version 0, below every migration: all of them still run.
 *
 * <p>The history is taskqueue's own table, {@value #HISTORY}, so that an application that uses
 * Flyway too keeps Flyway's default table for itself. Installations from before kept it in that
 * default table; the first start after the upgrade copies it over (see {@link #adoptHistory}).
 */
public final class SchemaMigrations {

  private static final String LOCATION = "classpath:db/migration";

  /** Where taskqueue's Flyway history lives. */
  public static final String HISTORY = "taskqueue_schema_history";

  /** Flyway's default history table, where installations before {@value #HISTORY} kept theirs. */
  static final String DEFAULT_HISTORY = "flyway_schema_history";

  private static final String BASELINE_DESCRIPTION = "before taskqueue";

  /** Flyway's java.util.logging log, named as its {@code loggers} setting takes a class. */
  private static final String JAVA_UTIL_LOGGING =
      "org.flywaydb.core.internal.logging.javautil.JavaUtilLogCreator";

  /** Serialises the adoption when several nodes start at once. */
  private static final long ADOPT_LOCK = 0x7471686973L; // "tqhis"

  private SchemaMigrations() {}

  /**
   * Applies pending migrations, in the schema {@code taskqueue.db.schema} names if it names one;
   * returns how many were applied.
   */
  public static int migrate(DataSource dataSource) {
    return migrate(dataSource, Tables.SCHEMA);
  }

  /**
   * Applies pending migrations in {@code schema} (created if need be), or where the connection's
   * {@code search_path} puts them when empty; returns how many were applied.
   */
  public static int migrate(DataSource dataSource, Optional<String> schema) {
    Tables.checked(schema);
    if (schema.isEmpty()) {
      try {
        adoptHistory(dataSource);
      } catch (SQLException e) {
        throw new IllegalStateException("could not move taskqueue's schema history: " + e, e);
      }
    }
    MigrateResult result =
        configured(dataSource, schema)
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .baselineDescription(BASELINE_DESCRIPTION)
            .load()
            .migrate();
    return result.migrationsExecuted;
  }

  /**
   * Checks, without changing anything, that the schema is as taskqueue's migrations make it: for a
   * node told not to migrate ({@code taskqueue.db.migrate=false}), whose operators apply the
   * migrations themselves. Throws naming what is missing or different.
   */
  public static void requireCurrent(DataSource dataSource) {
    requireCurrent(dataSource, Tables.SCHEMA);
  }

  /** {@link #requireCurrent(DataSource)} for taskqueue's tables in {@code schema}. */
  public static void requireCurrent(DataSource dataSource, Optional<String> schema) {
    ValidateResult result = configured(dataSource, schema).load().validateWithResult();
    if (!result.validationSuccessful) {
      throw new IllegalStateException(
          "the schema is not up to date and taskqueue.db.migrate=false leaves migrating to you ("
              + result.invalidMigrations.stream()
                  .map(m -> "V" + m.version + " " + m.filepath + ": " + m.errorDetails.errorMessage)
                  .collect(Collectors.joining("; "))
              + ")");
    }
  }

  /** Flyway on taskqueue's migrations and history, in {@code schema} if it is given. */
  private static FluentConfiguration configured(DataSource dataSource, Optional<String> schema) {
    FluentConfiguration flyway =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .table(HISTORY)
            .locations(LOCATION)
            // To the server's log whatever logging the application brings (Flyway would pick
            // slf4j, which taskqueue's overlay leaves without a binding).
            .loggers(JAVA_UTIL_LOGGING);
    schema.ifPresent(name -> flyway.schemas(name).defaultSchema(name).createSchemas(true));
    return flyway;
  }

  /**
   * Copies the history of an installation from before {@value #HISTORY} out of Flyway's default
   * table, once: when taskqueue's own table does not exist yet and the default one holds
   * taskqueue's first two migrations. The default table is left as it was (an application's rows
   * may be in it; without them an operator may drop it). Returns whether it copied.
   */
  static boolean adoptHistory(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        s.execute("SELECT pg_advisory_xact_lock(" + ADOPT_LOCK + ")");
        boolean adopt =
            bool(
                s,
                "SELECT to_regclass('"
                    + HISTORY
                    + "') IS NULL AND to_regclass('"
                    + DEFAULT_HISTORY
                    + "') IS NOT NULL");
        if (adopt) {
          adopt =
              bool(
                  s,
                  "SELECT count(DISTINCT script) = 2 FROM "
                      + DEFAULT_HISTORY
                      + " WHERE script IN ('V1__jobs.sql', 'V2__lease_fencing.sql') AND success");
        }
        if (adopt) {
          s.execute("CREATE TABLE " + HISTORY + " (LIKE " + DEFAULT_HISTORY + " INCLUDING ALL)");
          // Only taskqueue's rows: an application's migrations in the same table stay its own.
          try (PreparedStatement copy =
              c.prepareStatement(
                  "INSERT INTO "
                      + HISTORY
                      + " SELECT * FROM "
                      + DEFAULT_HISTORY
                      + " WHERE script = ANY (?) OR (type = 'BASELINE' AND description = ?)")) {
            copy.setArray(1, c.createArrayOf("text", ownScripts(dataSource).toArray()));
            copy.setString(2, BASELINE_DESCRIPTION);
            copy.executeUpdate();
          }
        }
        c.commit();
        return adopt;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * The scripts of taskqueue's own migrations, as Flyway names them in a history: asked of a
   * history table that does not exist, Flyway lists exactly what it finds on the classpath.
   */
  private static List<String> ownScripts(DataSource dataSource) {
    return Arrays.stream(
            Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .table(HISTORY + "_none")
                .locations(LOCATION)
                .load()
                .info()
                .all())
        .map(MigrationInfo::getScript)
        .toList();
  }

  private static boolean bool(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() && r.getBoolean(1);
    }
  }
}
