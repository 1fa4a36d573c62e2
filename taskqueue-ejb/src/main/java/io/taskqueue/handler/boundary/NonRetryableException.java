package io.taskqueue.handler.boundary;

/**
 * Thrown by a handler when retrying cannot help (bad input, a permanent refusal): the job goes
 * straight to dead with this error, whatever attempts it has left.
 */
public class NonRetryableException extends Exception {

  public NonRetryableException(String message) {
    super(message);
  }

  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
