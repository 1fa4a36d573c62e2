package io.taskqueue;

/**
 * Thrown by a handler when retrying cannot help (bad input, a permanent refusal): the job goes
 * straight to dead with this error, whatever attempts it has left.
 */
public class NonRetryableException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * An error to store with the dead job.
   *
   * @param message what went wrong, as operators will read it
   */
  public NonRetryableException(String message) {
    super(message);
  }

  /**
   * An error to store with the dead job, with its cause.
   *
   * @param message what went wrong, as operators will read it
   * @param cause the underlying failure
   */
  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
