package io.taskqueue.client.entity;

import java.util.Locale;

/** Where a job is in its life; {@link Job#status()} holds its {@link #wireName()}. */
public enum JobStatus {
  WAITING,
  SCHEDULED,
  QUEUED,
  RUNNING,
  RETRYING,
  COMPLETED,
  DEAD,
  CANCELLED;

  /** How the API spells it. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a job in this status will not change again unless an operator retries it. */
  public boolean isFinal() {
    return this == COMPLETED || this == DEAD || this == CANCELLED;
  }

  /** The status the API names {@code wireName}. */
  public static JobStatus of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
