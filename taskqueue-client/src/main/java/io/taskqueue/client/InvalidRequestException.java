package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/** The server refused the request's content (400, 413, 415, 422): {@link #problem()} says what. */
public class InvalidRequestException extends TaskQueueException {

  public InvalidRequestException(String message, int status, Problem problem) {
    super(message, status, problem, null);
  }
}
