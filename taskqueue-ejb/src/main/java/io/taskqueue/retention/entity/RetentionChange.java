package io.taskqueue.retention.entity;

import java.util.Map;

/**
 * An admin's change of ages: each entry names an age ({@code completedDays}, {@code deadDays},
 * {@code cancelledDays}, {@code auditDays}) and its new value in days, or null to go back to the
 * configured one. Ages not named stay as they are.
 */
public record RetentionChange(Map<String, Integer> days) {

  /** The ages an admin may set, and their columns in {@code retention_settings}. */
  public static final Map<String, String> COLUMNS =
      Map.of(
          "completedDays", "completed_days",
          "deadDays", "dead_days",
          "cancelledDays", "cancelled_days",
          "auditDays", "audit_days");

  public RetentionChange {
    if (days.isEmpty()) {
      throw new IllegalArgumentException("name at least one of " + COLUMNS.keySet());
    }
    for (Map.Entry<String, Integer> age : days.entrySet()) {
      if (!COLUMNS.containsKey(age.getKey())) {
        throw new IllegalArgumentException(
            "unknown age '" + age.getKey() + "'; ages are " + COLUMNS.keySet());
      }
      Integer value = age.getValue();
      if (value != null && (value < 0 || value > RetentionAges.MAX_DAYS)) {
        throw new IllegalArgumentException(
            age.getKey()
                + " must be 0 (keep for ever) to "
                + RetentionAges.MAX_DAYS
                + " days, or null for the configured value, not "
                + value);
      }
    }
    days = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(days));
  }
}
