package io.taskqueue.workflow.entity;

/**
 * A workflow refused before anything was stored: {@code reason} is the problem's short name ({@code
 * dependency-cycle}, {@code unknown-parent}, ...), {@code status} its HTTP status.
 */
public class InvalidWorkflowException extends RuntimeException {

  private final String reason;
  private final int status;

  public InvalidWorkflowException(String reason, String message) {
    this(reason, 400, message);
  }

  public InvalidWorkflowException(String reason, int status, String message) {
    super(message);
    this.reason = reason;
    this.status = status;
  }

  public String reason() {
    return reason;
  }

  public int status() {
    return status;
  }
}
