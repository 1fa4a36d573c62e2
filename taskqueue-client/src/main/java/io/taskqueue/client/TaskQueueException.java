package io.taskqueue.client;

import io.taskqueue.client.entity.Problem;

/**
 * The server refused or failed a call; {@link #problem()} is its RFC 9457 answer (null when none
 * came, such as after a connection failure). Subclasses name the cases a caller handles.
 */
public class TaskQueueException extends RuntimeException {

  private final int status;
  private final transient Problem problem;

  public TaskQueueException(String message, int status, Problem problem, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.problem = problem;
  }

  /** The HTTP status, or 0 when no answer came. */
  public int status() {
    return status;
  }

  /** The server's problem document, or null. */
  public Problem problem() {
    return problem;
  }
}
