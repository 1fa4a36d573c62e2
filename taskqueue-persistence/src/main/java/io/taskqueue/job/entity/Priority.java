package io.taskqueue.job.entity;

import java.util.Locale;
import java.util.Optional;

/** Dispatch priority: workers take every high job before any medium one, and medium before low. */
public enum Priority {
  HIGH,
  MEDIUM,
  LOW;

  /** The lower-case name used in JSON and in Redis key names. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Priority> fromWireName(String name) {
    for (Priority p : values()) {
      if (p.wireName().equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
