package io.taskqueue.bench.control;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waits for a task and rethrows what it threw as itself, so that a {@link RateLimitedException} in
 * a client thread stops the bench with its own message rather than as an ExecutionException.
 */
final class Unwrap {

  private Unwrap() {}

  static <T> T get(Future<T> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
