package io.taskqueue.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class SchemaMigrationsIT {

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
    ServiceEndpoints db = TestServices.endpoints();
    String name = "app_first_" + System.nanoTime();
    try (Connection admin =
        java.sql.DriverManager.getConnection(db.dbUrl(), db.dbUser(), db.dbPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.dbUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
    ds.setUser(db.dbUser());
    ds.setPassword(db.dbPassword());
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

  private static int migrationFiles() throws Exception {
    try (var files =
        java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
      return (int) files.filter(f -> f.getFileName().toString().startsWith("V")).count();
    }
  }
}
