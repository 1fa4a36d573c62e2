package io.taskqueue.schema.control;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The datasource as taskqueue uses it: every statement taskqueue creates carries a query timeout
 * (JDBC's {@link Statement#setQueryTimeout}, which the driver enforces by cancelling the statement;
 * PostgreSQL then answers 57014, a temporary outage to the API).
 *
 * <p>The bound is set on taskqueue's own statements and nowhere else. A session setting ({@code
 * options=-c statement_timeout=…} on the pool, or {@code SET statement_timeout}) would bound the
 * host application's queries too: it shares the connection (and the transaction) when it submits
 * jobs with its own rows, and it may hand taskqueue its own pool ({@code taskqueue.datasource}). A
 * statement that waits for a row lock is bounded the same way: that wait is part of its time.
 */
public final class BoundedStatements implements DataSource {

  /** The configuration key of the bound, in seconds. */
  public static final String TIMEOUT_KEY = "taskqueue.db.statement-timeout-seconds";

  /** The bound when nothing is configured: a statement taskqueue runs takes at most 30 s. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 30;

  private static final Set<String> STATEMENT_FACTORIES =
      Set.of("createStatement", "prepareStatement", "prepareCall");

  private final DataSource target;
  private final int timeoutSeconds;

  private BoundedStatements(DataSource target, int timeoutSeconds) {
    this.target = target;
    this.timeoutSeconds = timeoutSeconds;
  }

  /**
   * {@code target} with every statement bounded to {@code timeoutSeconds} (1 or more); {@code
   * target} itself if it is bounded already.
   */
  public static DataSource of(DataSource target, int timeoutSeconds) {
    if (timeoutSeconds < 1) {
      throw new IllegalArgumentException(TIMEOUT_KEY + " must be 1 or more, not " + timeoutSeconds);
    }
    return target instanceof BoundedStatements
        ? target
        : new BoundedStatements(target, timeoutSeconds);
  }

  /** The bound of each statement, in seconds. */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return bounded(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return bounded(target.getConnection(user, password));
  }

  private Connection bounded(Connection connection) {
    InvocationHandler handler =
        (proxy, method, arguments) -> {
          if (method.getName().equals("equals") && method.getParameterCount() == 1) {
            return proxy == arguments[0];
          }
          if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
            return System.identityHashCode(proxy);
          }
          Object result;
          try {
            result = method.invoke(connection, arguments);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof Statement statement
              && STATEMENT_FACTORIES.contains(method.getName())) {
            statement.setQueryTimeout(timeoutSeconds);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(
            BoundedStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target.isWrapperFor(type);
  }
}
