package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/** The current state does not allow this (409), such as cancelling a finished job. */
public class ConflictException extends TaskQueueException {

  public ConflictException(String message, int status, Problem problem) {
    super(message, status, problem, null);
  }
}
