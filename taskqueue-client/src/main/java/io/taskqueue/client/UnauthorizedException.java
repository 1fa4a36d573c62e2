package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/** No credentials, or a key or token that is unknown, revoked or expired (401). */
public class UnauthorizedException extends TaskQueueException {

  public UnauthorizedException(String message, int status, Problem problem) {
    super(message, status, problem, null);
  }
}
