package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/** The caller's roles do not allow this (403). */
public class ForbiddenException extends TaskQueueException {

  public ForbiddenException(String message, int status, Problem problem) {
    super(message, status, problem, null);
  }
}
