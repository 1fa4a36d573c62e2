package io.taskqueue.schema.control;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date with the migrations in {@code db/migration}. Safe when
 * several nodes start at once: Flyway serialises them with a PostgreSQL advisory lock.
 */
public final class SchemaMigrations {

  private SchemaMigrations() {}

  /** Applies pending migrations; returns how many were applied. */
  public static int migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure(SchemaMigrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
