package io.taskqueue.recurring.entity;

/**
 * A schedule the rules refused: {@code reason} is the problem's short name (for example {@code
 * invalid-cron}), the message says what is wrong in words a caller can act on.
 */
public class InvalidScheduleException extends RuntimeException {

  private final String reason;

  public InvalidScheduleException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
