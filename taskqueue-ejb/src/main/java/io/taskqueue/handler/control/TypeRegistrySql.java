package io.taskqueue.handler.control;

import io.taskqueue.schema.control.Tables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Every statement on the registry of job types the cluster's worker nodes run. */
public final class TypeRegistrySql {

  private TypeRegistrySql() {}

  /** A type some node registered: its handler's defaults, and when a node last renewed it. */
  public record Registered(String defaultsJson, Instant lastSeen) {}

  /** Records that {@code node} runs these types now, with their defaults as JSON. */
  public static void register(Connection c, String node, Map<String, String> defaultsByType)
      throws SQLException {
    if (defaultsByType.isEmpty()) {
      return;
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO "
                + Tables.JOB_TYPES
                + " (node_id, type, defaults, seen_at) VALUES (?, ?, ?::jsonb, now())"
                + " ON CONFLICT (node_id, type)"
                + " DO UPDATE SET defaults = EXCLUDED.defaults, seen_at = EXCLUDED.seen_at")) {
      for (Map.Entry<String, String> type : defaultsByType.entrySet()) {
        s.setString(1, node);
        s.setString(2, type.getKey());
        s.setString(3, type.getValue());
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  /**
   * Every type some node renewed within {@code forgetAfter}, with the defaults of its latest
   * registration and when that was; removes the registrations older than that.
   */
  public static Map<String, Registered> registered(Connection c, Duration forgetAfter)
      throws SQLException {
    try (PreparedStatement prune =
        c.prepareStatement(
            "DELETE FROM "
                + Tables.JOB_TYPES
                + " WHERE seen_at < now() - ? * interval '1 millisecond'")) {
      prune.setLong(1, forgetAfter.toMillis());
      prune.executeUpdate();
    }
    Map<String, Registered> types = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT DISTINCT ON (type) type, defaults::text, seen_at FROM "
                    + Tables.JOB_TYPES
                    + " ORDER BY type, seen_at DESC");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        Timestamp seen = r.getTimestamp(3);
        types.put(r.getString(1), new Registered(r.getString(2), seen.toInstant()));
      }
    }
    return types;
  }
}
