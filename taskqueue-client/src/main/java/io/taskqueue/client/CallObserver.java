package io.taskqueue.client;

import java.time.Duration;

/** Told of every HTTP exchange the client makes, retries included: for logs and metrics. */
@FunctionalInterface
public interface CallObserver {

  /**
   * One exchange ended: {@code operationId} as {@code /openapi} names it, the status (0 when no
   * answer came) and how long it took.
   */
  void exchanged(String operationId, int status, Duration took);
}
