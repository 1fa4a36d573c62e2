package io.taskqueue.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SchemaMigrationsIT {

  /**
   * Each run of this class is for one Flyway (and Jackson, which Flyway 11 needs): taskqueue's own,
   * and those an application may keep in its WAR instead (taskqueue-persistence's POM).
   */
  @Test
  void runsOnTheFlywayAndJacksonItIsFor() throws Exception {
    assertEquals(
        System.getProperty("taskqueue.it.flyway-version"),
        jarVersion(Flyway.class, "org.flywaydb", "flyway-core"));
    String jackson = System.getProperty("taskqueue.it.jackson-version");
    if (jackson != null) {
      assertEquals(
          jackson,
          jarVersion(
              Class.forName("com.fasterxml.jackson.databind.ObjectMapper"),
              "com.fasterxml.jackson.core",
              "jackson-databind"));
    }
  }

  /** The version in the Maven metadata of the jar that {@code type} was loaded from. */
  private static String jarVersion(Class<?> type, String groupId, String artifactId)
      throws Exception {
    Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (var file = new JarFile(jar.toFile())) {
      var properties = new Properties();
      properties.load(
          file.getInputStream(
              file.getEntry("META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties")));
      return properties.getProperty("version");
    }
  }

  @Test
  void migratesOnceAndTheTableEnforcesItsStatusesAndPriorities() throws Exception {
    ServiceEndpoints db = TestServices.endpoints();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.dbUrl());
    ds.setUser(db.dbUser());
    ds.setPassword(db.dbPassword());

    SchemaMigrations.migrate(ds);
    assertEquals(0, SchemaMigrations.migrate(ds), "a second run applies nothing");

    try (Connection c = ds.getConnection()) {
      c.createStatement()
          .execute(
              "INSERT INTO jobs (id, type, payload, priority, status, max_attempts, attempt_budget,"
                  + " created_at)"
                  + " VALUES (gen_random_uuid(), 'noop', '{}', 'HIGH', 'QUEUED', 4, 4, now())");
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs")) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
      assertThrows(
          SQLException.class,
          () ->
              c.createStatement()
                  .execute(
                      "INSERT INTO jobs (id, type, payload, priority, status, max_attempts, attempt_budget,"
                          + " created_at) VALUES (gen_random_uuid(), 'noop', '{}', 'HIGH',"
                          + " 'LOST', 4, 4, now())"));
    }
  }

  @Test
  void aDatabaseThatAlreadyHoldsTheApplicationsTablesGetsEveryMigration() throws Exception {
    PGSimpleDataSource ds = freshDatabase("app_first");
    try (Connection c = ds.getConnection()) {
      c.createStatement().execute("CREATE TABLE shop_orders (id bigint PRIMARY KEY)");
    }

    int applied = SchemaMigrations.migrate(ds);

    assertEquals(migrationFiles(), applied, "every migration ran, from the first");
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM jobs")) {
      rs.next();
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void taskqueuesHistoryIsATableOfItsOwnNotFlywaysDefault() throws Exception {
    PGSimpleDataSource ds = freshDatabase("own_history");

    SchemaMigrations.migrate(ds);

    assertEquals(migrationFiles(), count(ds, "SELECT count(*) FROM taskqueue_schema_history"));
    assertEquals(
        0, count(ds, "SELECT count(*) FROM pg_tables WHERE tablename = 'flyway_schema_history'"));
  }

  @Test
  void anInstallationFromBeforeKeepsItsHistoryAndAnApplicationsRowsStayWhereTheyWere()
      throws Exception {
    PGSimpleDataSource ds = freshDatabase("old_history");
    // As installed before: taskqueue's migrations up to V12 in Flyway's default table...
    migrateUpTo(ds, "flyway_schema_history", "12");
    // ...beside a row of the application's own (a version far above taskqueue's).
    try (Connection c = ds.getConnection()) {
      c.createStatement()
          .execute(
              "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                  + " script, checksum, installed_by, execution_time, success)"
                  + " VALUES (100, '100', 'shop', 'SQL', 'V100__shop.sql', 1, 'shop', 1, true)");
    }

    int applied = SchemaMigrations.migrate(ds);

    assertEquals(migrationFiles() - 12, applied, "only what came after V12 ran");
    assertEquals(migrationFiles(), count(ds, "SELECT count(*) FROM taskqueue_schema_history"));
    assertEquals(
        0,
        count(ds, "SELECT count(*) FROM taskqueue_schema_history WHERE script = 'V100__shop.sql'"));
    assertEquals(13, count(ds, "SELECT count(*) FROM flyway_schema_history"), "left as it was");
    assertEquals(0, SchemaMigrations.migrate(ds), "and the next start applies nothing");
  }

  @Test
  void anApplicationsOwnFlywayHistoryIsLeftAloneAndTaskqueueStartsItsOwn() throws Exception {
    PGSimpleDataSource ds = freshDatabase("app_history");
    try (Connection c = ds.getConnection()) {
      c.createStatement()
          .execute(
              "CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version"
                  + " varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,"
                  + " script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT"
                  + " NULL, installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT"
                  + " NULL, success boolean NOT NULL)");
      c.createStatement()
          .execute(
              "INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                  + " script, checksum, installed_by, execution_time, success)"
                  + " VALUES (1, '1', 'orders', 'SQL', 'V1__orders.sql', 1, 'shop', 1, true)");
      c.createStatement().execute("CREATE TABLE shop_orders (id bigint PRIMARY KEY)");
    }

    assertEquals(migrationFiles(), SchemaMigrations.migrate(ds), "every migration ran");
    assertEquals(1, count(ds, "SELECT count(*) FROM flyway_schema_history"));
  }

  @Test
  void aNodeThatMustNotMigrateRefusesASchemaThatLacksMigrationsAndAcceptsACurrentOne()
      throws Exception {
    PGSimpleDataSource ds = freshDatabase("no_migrate");
    migrateUpTo(ds, "taskqueue_schema_history", "13");

    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> SchemaMigrations.requireCurrent(ds));
    assertTrue(refused.getMessage().contains("taskqueue.db.migrate=false"), refused.getMessage());
    assertTrue(refused.getMessage().contains("V14"), refused.getMessage());
    assertEquals(0, count(ds, "SELECT count(*) FROM pg_tables WHERE tablename = 'retention_runs'"));

    SchemaMigrations.migrate(ds); // what the operators do
    SchemaMigrations.requireCurrent(ds);
  }

  /** Applies taskqueue's migrations up to {@code version}, with their history in {@code table}. */
  @Test
  void aSchemaOfItsOwnHoldsEveryTableAndTheTriggersWorkFromAnySearchPath() throws Exception {
    PGSimpleDataSource ds = freshDatabase("own_schema");

    assertEquals(migrationFiles(), SchemaMigrations.migrate(ds, Optional.of("tq_own")));
    assertEquals(0, SchemaMigrations.migrate(ds, Optional.of("tq_own")), "nothing twice");
    SchemaMigrations.requireCurrent(ds, Optional.of("tq_own"));

    assertEquals(
        0,
        count(ds, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"),
        "nothing in the default schema");
    assertEquals(
        19,
        count(ds, "SELECT count(*) FROM pg_tables WHERE schemaname = 'tq_own'"),
        "18 tables and the history");
    try (Connection c = ds.getConnection()) {
      assertEquals("\"$user\", public", show(c, "search_path"), "the session's path is untouched");
      // A session whose path does not include taskqueue's schema, as a host's would be: the
      // triggers still find their tables.
      c.createStatement()
          .execute(
              "INSERT INTO tq_own.jobs (id, type, payload, priority, status, max_attempts,"
                  + " attempt_budget, created_at) VALUES (gen_random_uuid(), 'noop', '{}', 'HIGH',"
                  + " 'QUEUED', 4, 4, now())");
      c.createStatement().execute("UPDATE tq_own.jobs SET status = 'CANCELLED'");
      // With someone listening, a completion is kept for the observers (a cancel is not).
      c.createStatement()
          .execute(
              "INSERT INTO tq_own.outcome_listeners VALUES ('node-1', now() + interval '1 hour')");
      c.createStatement()
          .execute(
              "INSERT INTO tq_own.jobs (id, type, payload, priority, status, max_attempts,"
                  + " attempt_budget, created_at) VALUES (gen_random_uuid(), 'echo', '{}', 'HIGH',"
                  + " 'RUNNING', 4, 4, now())");
      c.createStatement()
          .execute("UPDATE tq_own.jobs SET status = 'COMPLETED' WHERE type = 'echo'");
    }
    assertEquals(
        1,
        count(ds, "SELECT count(*) FROM tq_own.job_outcomes WHERE job_type = 'echo'"),
        "the outcome trigger recorded the completion, and only it");
    assertEquals(1, count(ds, "SELECT count(*) FROM tq_own.job_outcomes"));
    assertEquals(
        0,
        count(
            ds,
            "SELECT coalesce(sum(delta), 0) FROM tq_own.job_status_deltas WHERE status = 'QUEUED'"),
        "the counting trigger recorded +1 and -1");
    assertEquals(
        1, count(ds, "SELECT count(*) FROM tq_own.job_status_deltas WHERE status = 'CANCELLED'"));
  }

  @Test
  void aSchemaNameThatWouldNeedQuotingIsRefusedNamingTheKey() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> SchemaMigrations.migrate(new PGSimpleDataSource(), Optional.of("Task-Queue")));
    assertTrue(refused.getMessage().contains("taskqueue.db.schema"), refused.getMessage());
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void migrateUpTo(PGSimpleDataSource ds, String table, String version) {
    Flyway.configure(SchemaMigrations.class.getClassLoader())
        .dataSource(ds)
        .table(table)
        .locations("classpath:db/migration")
        .target(version)
        .load()
        .migrate();
  }

  private static PGSimpleDataSource freshDatabase(String prefix) throws SQLException {
    ServiceEndpoints db = TestServices.endpoints();
    String name = prefix + "_" + System.nanoTime();
    try (Connection admin =
        java.sql.DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.dbUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
    ds.setUser(db.dbUser());
    ds.setPassword(db.dbPassword());
    return ds;
  }

  private static int count(PGSimpleDataSource ds, String sql) throws SQLException {
    try (Connection c = ds.getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static int migrationFiles() throws Exception {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return (int) files.filter(f -> f.getFileName().toString().startsWith("V")).count();
    }
  }
}
