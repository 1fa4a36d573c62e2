package io.taskqueue.javaapi.control;

import io.taskqueue.InvalidJobException;
import io.taskqueue.InvalidJobException.Reason;
import io.taskqueue.OnParentFailure;
import io.taskqueue.Workflow;
import io.taskqueue.job.control.JavaRequests;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.workflow.entity.WorkflowJobRequest;
import io.taskqueue.workflow.entity.WorkflowRequest;
import java.util.List;

/** A {@link Workflow} from Java as the request {@code POST /api/workflows} takes. */
public final class JavaWorkflows {

  private JavaWorkflows() {}

  public static WorkflowRequest request(Workflow workflow) {
    if (workflow == null) {
      return null;
    }
    return new WorkflowRequest(workflow.steps().stream().map(JavaWorkflows::job).toList());
  }

  private static WorkflowJobRequest job(Workflow.Step step) {
    if (step.job() != null && step.job().idempotencyKey() != null) {
      throw new InvalidJobException(
          Reason.INVALID,
          "job '"
              + step.key()
              + "' of a workflow takes no idempotency key (the workflow is one"
              + " submission).");
    }
    SubmitJobRequest job = JavaRequests.draft(step.job());
    return new WorkflowJobRequest(
        step.key(),
        job.type(),
        job.payload(),
        job.priority(),
        job.maxAttempts(),
        job.runAt(),
        job.delayMs(),
        job.backoff(),
        job.timeoutMs(),
        List.copyOf(step.parents()),
        step.onParentFailure() == OnParentFailure.RUN_ANYWAY ? "run-anyway" : "cancel");
  }
}
