package io.taskqueue;

/** Which list a job waits in: workers take every high job before any medium, and so on. */
public enum Priority {
  /** Taken first. */
  HIGH,
  /** The default. */
  MEDIUM,
  /** Taken when no high or medium job waits. */
  LOW
}
