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
}
