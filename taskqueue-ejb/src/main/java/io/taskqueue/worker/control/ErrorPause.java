package io.taskqueue.worker.control;

import java.time.Duration;

/**
 * The wait of an engine loop after an infrastructure error (Redis or PostgreSQL away): long enough
 * that an outage costs no CPU, short enough that the loop heals by itself soon after.
 */
final class ErrorPause {

  static final Duration LENGTH = Duration.ofSeconds(1);

  private ErrorPause() {}

  /** Waits {@link #LENGTH}; false when interrupted (the loop should stop), with the flag kept. */
  static boolean waitOut() {
    try {
      Thread.sleep(LENGTH.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
