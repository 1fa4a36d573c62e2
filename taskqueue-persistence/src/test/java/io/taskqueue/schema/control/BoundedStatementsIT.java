package io.taskqueue.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.ServiceEndpoints;
import io.taskqueue.launcher.control.TestServices;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Each statement taskqueue creates is bounded; the connection's session is left as it was. */
class BoundedStatementsIT {

  private final PGSimpleDataSource pool = pool();
  private final DataSource bounded = BoundedStatements.of(pool, 1);

  @Test
  void everyKindOfStatementIsCancelledAtItsBound() throws Exception {
    try (Connection c = bounded.getConnection()) {
      try (Statement s = c.createStatement()) {
        assertEquals(1, s.getQueryTimeout());
        assertCancelled(() -> s.execute("SELECT pg_sleep(10)"));
      }
      try (PreparedStatement s = c.prepareStatement("SELECT pg_sleep(?)")) {
        s.setInt(1, 10);
        assertCancelled(s::executeQuery);
      }
      try (Statement s = c.prepareCall("SELECT pg_sleep(10)")) {
        assertEquals(1, s.getQueryTimeout());
      }
    }
  }

  @Test
  void aStatementWaitingForARowLockIsCancelledToo() throws Exception {
    try (Connection setup = pool.getConnection()) {
      setup
          .createStatement()
          .execute("CREATE TABLE IF NOT EXISTS bounded_rows (id int PRIMARY KEY)");
      setup.createStatement().execute("INSERT INTO bounded_rows VALUES (1) ON CONFLICT DO NOTHING");
    }
    try (Connection holder = pool.getConnection();
        Connection c = bounded.getConnection()) {
      holder.setAutoCommit(false);
      holder.createStatement().execute("SELECT * FROM bounded_rows WHERE id = 1 FOR UPDATE");
      long started = System.nanoTime();
      assertCancelled(
          () -> c.createStatement().execute("UPDATE bounded_rows SET id = 1 WHERE id = 1"));
      assertTrue(System.nanoTime() - started < 9_000_000_000L, "cancelled at its bound, not later");
      holder.rollback();
    }
  }

  @Test
  void theSessionKeepsNoBoundForTheHostsStatements() throws Exception {
    try (Connection c = bounded.getConnection()) {
      assertEquals("0", show(c, "statement_timeout"));
      assertEquals("0", show(c, "lock_timeout"));
      // The host's statement on the very same connection: no query timeout of taskqueue's.
      Connection host = c.unwrap(Connection.class);
      try (Statement s = host.createStatement()) {
        assertEquals(0, s.getQueryTimeout());
      }
    }
  }

  @Test
  void boundingTwiceKeepsOneWrapperAndABoundBelowOneSecondIsRefused() {
    assertSame(bounded, BoundedStatements.of(bounded, 5));
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> BoundedStatements.of(pool, 0));
    assertTrue(refused.getMessage().contains(BoundedStatements.TIMEOUT_KEY), refused.getMessage());
  }

  private interface Execution {
    void run() throws SQLException;
  }

  private static void assertCancelled(Execution execution) {
    SQLException cancelled = assertThrows(SQLException.class, execution::run);
    assertEquals("57014", cancelled.getSQLState(), cancelled.toString());
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (ResultSet r = c.createStatement().executeQuery("SHOW " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  private static PGSimpleDataSource pool() {
    ServiceEndpoints db = TestServices.endpoints();
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(db.dbUrl());
    ds.setUser(db.dbUser());
    ds.setPassword(db.dbPassword());
    return ds;
  }
}
