package io.taskqueue;

/**
 * An idempotency key reused, within its window, for a different job: nothing was stored. Over REST
 * it is a 422 problem.
 */
public class IdempotencyKeyConflictException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  /**
   * A conflict.
   *
   * @param message which key, and why it conflicts
   */
  public IdempotencyKeyConflictException(String message) {
    super(message);
  }
}
