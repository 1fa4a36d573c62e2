package io.taskqueue.handlers.outbound.boundary;

/**
 * The other host failed in a way a later attempt may not: a 5xx, 408 or 429 without {@code
 * Retry-After}, a refused connection, a timeout. The engine retries it with backoff.
 */
public class RetryableRemoteException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * A retryable failure.
   *
   * @param message what went wrong, as operators will read it
   */
  public RetryableRemoteException(String message) {
    super(message);
  }

  /**
   * A retryable failure with its cause.
   *
   * @param message what went wrong, as operators will read it
   * @param cause the underlying failure
   */
  public RetryableRemoteException(String message, Throwable cause) {
    super(message, cause);
  }
}
