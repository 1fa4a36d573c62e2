package io.taskqueue.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.job.control.EmptyDatabases;
import io.taskqueue.job.control.TestSql;
import io.taskqueue.schema.control.SchemaMigrations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The registry of the cluster's job types on a real PostgreSQL. */
class TypeRegistrySqlIT {

  private PGSimpleDataSource db;

  @BeforeEach
  void freshDatabase() throws SQLException {
    db = EmptyDatabases.create("job_types");
    SchemaMigrations.migrate(db);
  }

  @Test
  void everyTypeAnyNodeRegisteredIsKnownWithTheDefaultsOfItsLatestRegistration() throws Exception {
    try (Connection c = db.getConnection()) {
      TypeRegistrySql.register(c, "old", Map.of("email", "{\"maxAttempts\": 5}"));
      TypeRegistrySql.register(
          c, "new", Map.of("email", "{\"maxAttempts\": 3}", "report", "{\"priority\": \"HIGH\"}"));
      TypeRegistrySql.register(c, "old", Map.of("email", "{\"maxAttempts\": 5}")); // renewed

      Map<String, TypeRegistrySql.Registered> types =
          TypeRegistrySql.registered(c, Duration.ofHours(1));
      assertEquals(Set.of("email", "report"), types.keySet());
      assertEquals("{\"maxAttempts\": 5}", types.get("email").defaultsJson(), "renewed last");
      assertEquals(2, TestSql.number(db, "SELECT count(*) FROM job_types WHERE type = 'email'"));
    }
  }

  @Test
  void registrationsNobodyRenewedInTimeAreForgotten() throws Exception {
    try (Connection c = db.getConnection()) {
      TypeRegistrySql.register(c, "gone", Map.of("fax", "{}"));
      TypeRegistrySql.register(c, "live", Map.of("email", "{}"));
      TestSql.execute(
          db, "UPDATE job_types SET seen_at = now() - interval '2 hours' WHERE node_id = 'gone'");

      assertEquals(Set.of("email"), TypeRegistrySql.registered(c, Duration.ofHours(1)).keySet());
      assertEquals(1, TestSql.number(db, "SELECT count(*) FROM job_types"), "removed");
    }
  }
}
