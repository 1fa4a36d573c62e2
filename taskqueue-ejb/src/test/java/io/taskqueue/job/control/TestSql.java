package io.taskqueue.job.control;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One-line SQL for tests that set up rows and read numbers back. */
public final class TestSql {

  private TestSql() {}

  /** The first column of the first row, as a number. */
  public static long number(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  public static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.createStatement().execute(sql);
    }
  }
}
