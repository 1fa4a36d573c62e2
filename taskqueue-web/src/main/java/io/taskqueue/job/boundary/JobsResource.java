package io.taskqueue.job.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.RequestBodyLimits;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.job.control.Cursor;
import io.taskqueue.job.entity.AttemptView;
import io.taskqueue.job.entity.BatchSubmitted;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobFilter;
import io.taskqueue.job.entity.JobPage;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobView;
import io.taskqueue.job.entity.LogPage;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.Retried;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.job.entity.Submitted;
import io.taskqueue.progress.boundary.JobTelemetry;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.control.SecretFields;
import io.taskqueue.security.control.SubmitRateLimit;
import io.taskqueue.security.control.SubmitRateLimited;
import io.taskqueue.security.control.TypeAccess;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import io.taskqueue.worker.boundary.LiveNodes;
import io.taskqueue.workflow.boundary.Workflows;
import io.taskqueue.workflow.entity.DependenciesView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/jobs}: submit jobs, read one, list them newest first. */
@ServedUnderApiOnly
@Path("jobs")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Submit, list, read, cancel and retry jobs")
public class JobsResource {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;
  static final int MAX_LOG_PAGE = 1_000;

  @Inject JobService jobs;
  @Inject GroupedSubmits grouped;
  @Inject JobOperations operations;
  @Inject JobRules rules;
  @Inject CurrentCaller caller;
  @Inject SecretFields secrets;
  @Inject ActionAudit audit;
  @Inject SubmitRateLimit rateLimit;
  @Inject TypeAccess typeAccess;
  @Inject LiveNodes liveNodes;
  @Inject JobTelemetry telemetry;
  @Inject Workflows workflows;

  @Inject
  @ConfigProperty(name = "taskqueue.idempotency.window-ms", defaultValue = "86400000")
  long idempotencyWindowMillis;

  @Context UriInfo uri;
  @Context HttpServletRequest http;

  /**
   * 201 with the new job; 200 with the earlier job when {@code Idempotency-Key} was used within its
   * window; 202 when the job is stored but Redis is unreachable (it is dispatched once Redis is
   * back).
   */
  @POST
  @RolesAllowed(Role.SUBMITTER_NAME)
  @SubmitRateLimited
  @Operation(operationId = "submitJob", summary = "Submit a job")
  @RequestBody(
      required = true,
      description = "The job",
      content =
          @Content(mediaType = "application/json", schema = @Schema(ref = "SubmitJobRequest")))
  @APIResponse(
      responseCode = "201",
      description = "The job is stored and queued",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "JobView")))
  @APIResponse(
      responseCode = "200",
      description = "The Idempotency-Key was used within its window: the earlier job",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "JobView")))
  @APIResponse(
      responseCode = "202",
      description = "The job is stored; it is queued once Redis is reachable again",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "JobView")))
  public Response submit(SubmitJobRequest request, @HeaderParam("Idempotency-Key") String key) {
    if (!RequestBodyLimits.bodyIsObject(http)) {
      throw ProblemException.badRequest(
          "invalid-job",
          "Invalid job",
          "a job must be a JSON object; use /api/jobs/batch for many.");
    }
    rules.checkIdempotencyKey(key);
    NewJob job = permitted(rules.check(request));
    // Without a key, concurrent submissions share a commit; with one, the key's row decides alone.
    Submitted submitted =
        key == null
            ? grouped.submit(job)
            : jobs.submit(job, key, Duration.ofMillis(idempotencyWindowMillis));
    Job stored = submitted.job();
    URI location = uri.getAbsolutePathBuilder().path(stored.getId().toString()).build();
    Status status =
        !submitted.created()
            ? Status.OK
            : submitted.dispatched().get() ? Status.CREATED : Status.ACCEPTED;
    return Response.status(status).location(location).entity(JobView.of(stored)).build();
  }

  /** 201, or 202 when the jobs are stored but Redis is unreachable. */
  @POST
  @Path("batch")
  @RolesAllowed(Role.SUBMITTER_NAME)
  @SubmitRateLimited
  @Operation(operationId = "submitJobs", summary = "Submit many jobs in one transaction")
  @RequestBody(
      required = true,
      description = "The jobs, at most the batch limit",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "SubmitJobBatch")))
  @APIResponse(
      responseCode = "201",
      description = "All jobs are stored and queued",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "BatchSubmitted")))
  @APIResponse(
      responseCode = "202",
      description = "All jobs are stored; they are queued once Redis is reachable again",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "BatchSubmitted")))
  public Response submitBatch(List<SubmitJobRequest> requests) {
    // One token was taken before the body was read; now that it is, each further job pays.
    rateLimit.chargeRest(caller.get(), requests == null ? 0 : requests.size());
    Submitted submitted =
        jobs.submit(rules.checkBatch(requests).stream().map(this::permitted).toList());
    List<UUID> ids = submitted.jobs().stream().map(Job::getId).toList();
    Status status = submitted.dispatched().get() ? Status.CREATED : Status.ACCEPTED;
    return Response.status(status).entity(new BatchSubmitted(ids.size(), ids)).build();
  }

  /** 200 with the job: a waiting job will not run; a running one is being stopped. */
  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "cancelJob", summary = "Cancel a waiting or running job")
  public JobView cancel(@PathParam("id") String id) {
    UUID jobId = parseId(id).orElseThrow(() -> notFound(id));
    return switch (operations.cancel(jobId)) {
      case CANCELLED -> {
        audit.record("job.cancel", jobId.toString(), 1, null);
        yield asSeen(jobs.reload(jobId).orElseThrow(() -> notFound(id)));
      }
      case NOT_FOUND -> throw notFound(id);
      case ALREADY_FINISHED ->
          throw conflict(
              "Job already finished",
              "Job " + id + " has finished; only waiting or running jobs can be cancelled.");
    };
  }

  /**
   * 200 with the job queued again, its attempts granted anew; 409 unless dead or cancelled, or
   * while one of its parents is unfinished. With {@code withDependents=true}, the jobs its failure
   * cancelled down the line wait for it again (those that ran anyway keep their outcome).
   */
  @POST
  @Path("{id}/retry")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "retryJob", summary = "Run a dead or cancelled job again")
  public JobView retry(
      @PathParam("id") String id, @QueryParam("withDependents") boolean withDependents) {
    UUID jobId = parseId(id).orElseThrow(() -> notFound(id));
    // Running a job again submits it again: an operator needs the right to submit its type.
    typeAccess.check(caller.get(), jobs.find(jobId).orElseThrow(() -> notFound(id)).getType());
    Retried retried = operations.retry(jobId, withDependents).orElseThrow(() -> notFound(id));
    if (!retried.queued()) {
      throw conflict(
          "Job not retryable",
          "Only dead or cancelled jobs can be retried, and not one while any of its parents is"
              + " unfinished; "
              + id
              + " is not such a job.");
    }
    audit.record(
        withDependents ? "job.retry-with-dependents" : "job.retry",
        jobId.toString(),
        1 + retried.waitingAgain().size(),
        null);
    return asSeen(jobs.reload(jobId).orElseThrow(() -> notFound(id)));
  }

  /** A caller with only the submitter role sees its own jobs; others are "not found" to it. */
  @GET
  @Path("{id}")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(operationId = "getJob", summary = "Read a job")
  public JobView get(@PathParam("id") String id) {
    Caller me = caller.get();
    return parseId(id)
        .flatMap(jobs::find)
        .filter(job -> me.readsAllJobs() || me.id().equals(job.getSubmittedBy()))
        .map(this::asSeen)
        .orElseThrow(() -> notFound(id));
  }

  /** The job's finished attempts, oldest first; readable by whoever may read the job. */
  @GET
  @Path("{id}/attempts")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(operationId = "listJobAttempts", summary = "List a job's finished attempts")
  public List<AttemptView> attempts(@PathParam("id") String id) {
    return jobs.attempts(get(id).id()).stream().map(AttemptView::of).toList();
  }

  /** The job's parents and children with their statuses, and its workflow (if it has one). */
  @GET
  @Path("{id}/dependencies")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(
      operationId = "getJobDependencies",
      summary = "Read a job's parents, children and workflow")
  public DependenciesView dependencies(@PathParam("id") String id) {
    JobView job = get(id);
    return new DependenciesView(
        job.workflowId(),
        workflows.parents(job.id()).stream().map(DependenciesView.RelativeView::of).toList(),
        workflows.children(job.id()).stream().map(DependenciesView.RelativeView::of).toList());
  }

  /**
   * The job's log lines (from every attempt, oldest first) after line {@code after}; readable by
   * whoever may read the job. Poll with the page's {@code next} to follow a running job.
   */
  @GET
  @Path("{id}/logs")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(operationId = "listJobLogs", summary = "Read a job's log lines")
  public LogPage logs(
      @PathParam("id") String id,
      @QueryParam("after") Integer after,
      @QueryParam("limit") Integer limit) {
    JobView job = get(id);
    int size = limit == null ? MAX_LOG_PAGE : limit;
    if (size < 1 || size > MAX_LOG_PAGE || (after != null && after < 0)) {
      throw ProblemException.badRequest(
          "invalid-query",
          "Invalid query",
          "limit must be between 1 and " + MAX_LOG_PAGE + ", after at least 0.");
    }
    List<LogPage.LogLineView> lines =
        telemetry.lines(job.id(), after == null ? 0 : after, size).stream()
            .map(
                l ->
                    new LogPage.LogLineView(
                        l.seq(),
                        l.attempt(),
                        l.at().atOffset(java.time.ZoneOffset.UTC),
                        l.level().name().toLowerCase(java.util.Locale.ROOT),
                        l.message()))
            .toList();
    Integer next = lines.isEmpty() ? after : Integer.valueOf(lines.get(lines.size() - 1).seq());
    return new LogPage(lines, next, job.logsDropped());
  }

  @GET
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME})
  @Operation(operationId = "listJobs", summary = "List jobs, newest first")
  public JobPage list(
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("priority") String priority,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw ProblemException.badRequest(
          "invalid-query", "Invalid query", "limit must be between 1 and " + MAX_PAGE + ".");
    }
    JobFilter filter =
        new JobFilter(
            status == null
                ? null
                : JobStatus.fromWireName(status).orElseThrow(() -> invalid("status", status)),
            type,
            priority == null
                ? null
                : Priority.fromWireName(priority).orElseThrow(() -> invalid("priority", priority)),
            caller.get().readsAllJobs() ? null : caller.get().id(),
            size,
            cursor == null ? null : Cursor.decode(cursor));
    List<JobView> page = jobs.list(filter).stream().map(JobView::of).toList();
    String next = page.size() == size ? Cursor.encode(page.get(page.size() - 1).id()) : null;
    return new JobPage(page, next);
  }

  /** The job, recorded as the caller's, if the caller may submit its type. */
  private NewJob permitted(NewJob job) {
    typeAccess.check(caller.get(), job.type());
    return job.submittedBy(caller.get().id());
  }

  static java.util.Optional<UUID> parseId(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  static ProblemException notFound(String id) {
    return new ProblemException(
        Status.NOT_FOUND, "job-not-found", "Job not found", "No job has id " + id + ".");
  }

  private static ProblemException conflict(String title, String detail) {
    return new ProblemException(Status.CONFLICT, "job-conflict", title, detail);
  }

  private static ProblemException invalid(String name, String value) {
    return ProblemException.badRequest(
        "invalid-query", "Invalid query", "Unknown " + name + " '" + value + "'.");
  }

  /** The job as the caller may see it: secret-looking fields hidden unless it submitted the job. */
  private JobView asSeen(Job job) {
    JobView view = JobView.of(job);
    if (job.getStatus() == JobStatus.QUEUED) {
      view = liveNodes.noNodeRuns(job.getType()).map(view::waiting).orElse(view);
    }
    return secrets.visibleTo(caller.get(), job.getSubmittedBy())
        ? view
        : view.hiding(secrets::hide);
  }
}
