package io.taskqueue.workflow.entity;

/**
 * A job's parents together hold more payload and result than a handler may be given at once ({@code
 * taskqueue.workflows.max-parents-bytes}): reading them would take the node's heap. Ends the job
 * for good, as the same parents would be refused again.
 */
public class ParentsTooLargeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ParentsTooLargeException(String message) {
    super(message);
  }
}
