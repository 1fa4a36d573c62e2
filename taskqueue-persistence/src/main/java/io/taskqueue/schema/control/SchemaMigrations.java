package io.taskqueue.schema.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration}. Safe when
 * several nodes start at once: Flyway serialises them with a PostgreSQL advisory lock.
 *
 * <p>The database may already hold an application's own tables (a team keeps its rows beside the
 * jobs, to submit in the same transaction; its persistence unit may even create them before this
 * runs). Flyway refuses a non-empty schema without its history table, so the history starts at a
 * baseline of version 0, below every migration: all of them still run.
 */
public final class SchemaMigrations {

  private SchemaMigrations() {}

  /** Applies pending migrations; returns how many were applied. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .baselineDescription("before taskqueue")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
