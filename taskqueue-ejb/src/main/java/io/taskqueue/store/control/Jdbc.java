package io.taskqueue.store.control;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs plain JDBC work on a connection of the data source (in a JTA transaction, the connection
 * enlisted in it) and turns a failure into an unchecked one that says what was being done.
 */
public final class Jdbc {

  /** Work on a connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private Jdbc() {}

  public static <T> T on(DataSource dataSource, String doing, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("could not " + doing + ": " + e.getMessage(), e);
    }
  }
}
