package io.taskqueue.bench.control;

/**
 * The server refused a submission with 429: its per-caller submit rate limit is on, so every number
 * measured from here on would be the limit's, not the server's. The bench stops.
 */
public final class RateLimitedException extends RuntimeException {

  public RateLimitedException(String path) {
    super(
        "the server answered 429 Too Many Requests on "
            + path
            + ": its submit rate limit is on. Benchmark a server started with"
            + " TASKQUEUE_API_SUBMIT_RATE=0.");
  }
}
