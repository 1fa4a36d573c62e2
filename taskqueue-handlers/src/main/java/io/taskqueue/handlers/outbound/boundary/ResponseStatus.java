package io.taskqueue.handlers.outbound.boundary;

import io.taskqueue.NonRetryableException;
import io.taskqueue.RetryLaterException;
import java.time.Instant;

/**
 * What an HTTP status means for the job: 408, 429 and 5xx may pass (retry, after {@code
 * Retry-After} when the server gave one); any other non-2xx, redirects included, will not.
 */
public final class ResponseStatus {

  private ResponseStatus() {}

  /**
   * Whether the status is a success.
   *
   * @param status the HTTP status code
   * @return true for 2xx
   */
  public static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }

  /**
   * The exception that fails the attempt for a non-2xx answer.
   *
   * @param what who answered, for the message (for example {@code "webhook host.example"})
   * @param status the HTTP status code
   * @param retryAfter the {@code Retry-After} header, or null
   * @param detail the start of the response body, or where a redirect pointed
   * @param now the current time, for a date in {@code Retry-After}
   * @return a {@link RetryLaterException} or {@link RetryableRemoteException} when a later attempt
   *     may succeed, else a {@link NonRetryableException}
   */
  public static Exception failure(
      String what, int status, String retryAfter, String detail, Instant now) {
    String message = what + " answered HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    if (status == 408 || status == 429 || status >= 500) {
      return RetryAfter.parse(retryAfter, now)
          .<Exception>map(after -> new RetryLaterException(message, after))
          .orElseGet(() -> new RetryableRemoteException(message));
    }
    return new NonRetryableException(message);
  }
}
