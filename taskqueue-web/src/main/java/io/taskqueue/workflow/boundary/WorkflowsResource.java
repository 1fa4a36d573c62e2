package io.taskqueue.workflow.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.control.SubmitRateLimit;
import io.taskqueue.security.control.SubmitRateLimited;
import io.taskqueue.security.control.TypeAccess;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import io.taskqueue.workflow.entity.WorkflowCancelled;
import io.taskqueue.workflow.entity.WorkflowCreated;
import io.taskqueue.workflow.entity.WorkflowJobRequest;
import io.taskqueue.workflow.entity.WorkflowPage;
import io.taskqueue.workflow.entity.WorkflowRequest;
import io.taskqueue.workflow.entity.WorkflowSubmitted;
import io.taskqueue.workflow.entity.WorkflowView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/workflows}: submit jobs that depend on each other in one request, read a workflow's
 * jobs with their parents, cancel all of its unfinished jobs in one call.
 */
@ServedUnderApiOnly
@Path("workflows")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflows", description = "Jobs that depend on other jobs")
public class WorkflowsResource {

  @Inject Workflows workflows;
  @Inject CurrentCaller caller;
  @Inject TypeAccess typeAccess;
  @Inject SubmitRateLimit rateLimit;
  @Inject ActionAudit audit;

  /**
   * 201 with each job's id; 202 when stored but Redis is unreachable (the jobs that can start are
   * dispatched once it is back). 400 for a cycle or an unknown parent, with nothing stored.
   */
  @POST
  @RolesAllowed(Role.SUBMITTER_NAME)
  @SubmitRateLimited
  @Operation(operationId = "submitWorkflow", summary = "Submit a workflow of dependent jobs")
  @RequestBody(
      required = true,
      description = "The workflow",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "WorkflowRequest")))
  @APIResponse(
      responseCode = "201",
      description = "All jobs are stored; those without parents are queued",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "WorkflowCreated")))
  @APIResponse(
      responseCode = "202",
      description = "All jobs are stored; they are queued once Redis is reachable again",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "WorkflowCreated")))
  public Response submit(WorkflowRequest request) {
    Caller me = caller.get();
    List<WorkflowJobRequest> jobs = request == null ? null : request.jobs();
    rateLimit.chargeRest(me, jobs == null ? 0 : jobs.size());
    if (jobs != null) {
      jobs.stream()
          .filter(j -> j != null && j.type() != null)
          .forEach(j -> typeAccess.check(me, j.type()));
    }
    WorkflowSubmitted stored = workflows.submit(request, me.id(), me.readsAllJobs());
    List<WorkflowCreated.Created> created =
        stored.jobs().stream()
            .map(
                j ->
                    new WorkflowCreated.Created(
                        j.getWorkflowKey(), j.getId(), j.getStatus().wireName()))
            .toList();
    return Response.status(stored.dispatched().get() ? Status.CREATED : Status.ACCEPTED)
        .entity(new WorkflowCreated(stored.workflowId(), created))
        .build();
  }

  /** Jobs a workflow page holds by default and at most. */
  static final int MAX_PAGE = 1_000;

  /**
   * A page of the workflow: its status counts and up to {@code limit} jobs after {@code after}. A
   * caller with only the submitter role reads its own workflows; others are not found.
   */
  @GET
  @Path("{id}")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(operationId = "getWorkflow", summary = "Read a workflow")
  public WorkflowView get(
      @PathParam("id") String id,
      @QueryParam("after") String after,
      @QueryParam("limit") Integer limit) {
    UUID workflowId = parse(id);
    int size = limit == null ? MAX_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw new ProblemException(
          Status.BAD_REQUEST,
          "invalid-query",
          "Invalid query",
          "limit must be between 1 and " + MAX_PAGE + ".");
    }
    UUID from = after == null ? null : cursor(after);
    Caller me = caller.get();
    WorkflowPage page =
        workflows
            .page(workflowId, from, size)
            .filter(p -> me.readsAllJobs() || me.id().equals(p.submittedBy()))
            .orElseThrow(() -> notFound(id));
    Map<String, Long> statuses = new TreeMap<>();
    page.statuses().forEach((status, n) -> statuses.put(status.wireName(), n));
    List<WorkflowView.Member> jobs =
        page.jobs().stream()
            .map(
                j ->
                    new WorkflowView.Member(
                        j.id(),
                        j.key(),
                        j.type(),
                        j.status().wireName(),
                        j.parents(),
                        j.createdAt(),
                        j.startedAt(),
                        j.finishedAt()))
            .toList();
    String next = page.more() ? jobs.get(jobs.size() - 1).id().toString() : null;
    return new WorkflowView(workflowId, statuses, jobs, next);
  }

  private static UUID cursor(String after) {
    try {
      return UUID.fromString(after);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(
          Status.BAD_REQUEST, "invalid-query", "Invalid query", "after must be a job id.");
    }
  }

  /**
   * Cancels every unfinished job of the workflow (running ones are told to stop), in chunks that
   * commit one by one (the engine suspends this transaction meanwhile); this one holds the audit
   * entry.
   */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "cancelWorkflow", summary = "Cancel a workflow's unfinished jobs")
  public WorkflowCancelled cancel(@PathParam("id") String id) {
    int cancelled = workflows.cancel(parse(id)).orElseThrow(() -> notFound(id));
    audit.record("workflow.cancel", id, cancelled, "cancelled " + cancelled);
    return new WorkflowCancelled(cancelled);
  }

  private static UUID parse(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Status.NOT_FOUND,
        "workflow-not-found",
        "Workflow not found",
        "No workflow has id " + id + ".");
  }
}
