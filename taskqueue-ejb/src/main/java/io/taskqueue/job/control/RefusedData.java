package io.taskqueue.job.control;

import java.sql.SQLException;

/**
 * Tells a refusal of the data from a failure of the database. PostgreSQL refuses a value (SQLState
 * class 22: a NUL in a JSON string or text, a number out of range) or a constraint (class 23) for
 * good: writing the same rows again fails the same way, so the rows must be told apart, never
 * retried together.
 */
public final class RefusedData {

  private RefusedData() {}

  /** Whether PostgreSQL refused a value or a constraint somewhere in the failure's causes. */
  public static boolean isCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.startsWith("22") || state.startsWith("23");
      }
    }
    return false;
  }

  /** The refusal's own words (the SQL message), for an error that says why a job ended. */
  public static String reasonIn(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return StorableText.of(sql.getMessage()) + " (SQLState " + sql.getSQLState() + ")";
      }
    }
    return StorableText.of(String.valueOf(failure));
  }
}
