package io.taskqueue.job.control;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.ds.PGSimpleDataSource;

/** A new, empty database on the test PostgreSQL, so a test owns every row it sees. */
public final class EmptyDatabases {

  private EmptyDatabases() {}

  public static PGSimpleDataSource create(String prefix) throws SQLException {
    ServiceEndpoints server = TestServices.endpoints();
    String name = prefix + "_" + Long.toHexString(System.nanoTime());
    try (Connection admin =
        DriverManager.getConnection(server.dbUrl(), server.dbUser(), server.dbPassword())) {
      admin.createStatement().execute("CREATE DATABASE " + name);
    }
    PGSimpleDataSource db = new PGSimpleDataSource();
    db.setUrl(server.dbUrl().substring(0, server.dbUrl().lastIndexOf('/') + 1) + name);
    db.setUser(server.dbUser());
    db.setPassword(server.dbPassword());
    return db;
  }
}
