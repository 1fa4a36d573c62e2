package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/** Nothing has this id or name, or not for this caller (404). */
public class NotFoundException extends TaskQueueException {

  public NotFoundException(String message, int status, Problem problem) {
    super(message, status, problem, null);
  }
}
