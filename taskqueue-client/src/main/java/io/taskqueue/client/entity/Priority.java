package io.taskqueue.client.entity;

import java.util.Locale;

/** Which list a job waits in; workers take high before medium before low. */
public enum Priority {
  HIGH,
  MEDIUM,
  LOW;

  /** How the API spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
