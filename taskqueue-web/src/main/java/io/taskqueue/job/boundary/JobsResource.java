package io.taskqueue.job.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.handler.control.JobHandlers;
import io.taskqueue.job.control.Cursor;
import io.taskqueue.job.control.SubmissionRules;
import io.taskqueue.job.entity.BatchSubmitted;
import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.JobFilter;
import io.taskqueue.job.entity.JobPage;
import io.taskqueue.job.entity.JobStatus;
import io.taskqueue.job.entity.JobView;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.SubmitJobRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code /api/jobs}: submit jobs, read one, list them newest first. */
@Path("jobs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JobsResource {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 200;

  @Inject JobService jobs;
  @Inject JobHandlers handlers;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-payload-bytes", defaultValue = "1048576")
  int maxPayloadBytes;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-batch", defaultValue = "1000")
  int maxBatch;

  @Context UriInfo uri;

  @POST
  public Response submit(SubmitJobRequest request) {
    Job job = jobs.submit(List.of(rules().check(request))).get(0);
    return Response.created(uri.getAbsolutePathBuilder().path(job.getId().toString()).build())
        .entity(JobView.of(job))
        .build();
  }

  @POST
  @Path("batch")
  public Response submitBatch(List<SubmitJobRequest> requests) {
    List<Job> created = jobs.submit(rules().checkBatch(requests));
    List<UUID> ids = created.stream().map(Job::getId).toList();
    return Response.status(Status.CREATED).entity(new BatchSubmitted(ids.size(), ids)).build();
  }

  @GET
  @Path("{id}")
  public JobView get(@PathParam("id") String id) {
    return parseId(id).flatMap(jobs::find).map(JobView::of).orElseThrow(() -> notFound(id));
  }

  @GET
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
            size,
            cursor == null ? null : Cursor.decode(cursor));
    List<JobView> page = jobs.list(filter).stream().map(JobView::of).toList();
    String next = page.size() == size ? Cursor.encode(page.get(page.size() - 1).id()) : null;
    return new JobPage(page, next);
  }

  private SubmissionRules rules() {
    return new SubmissionRules(handlers.knownTypes(), maxPayloadBytes, maxBatch);
  }

  private static java.util.Optional<UUID> parseId(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Status.NOT_FOUND, "job-not-found", "Job not found", "No job has id " + id + ".");
  }

  private static ProblemException invalid(String name, String value) {
    return ProblemException.badRequest(
        "invalid-query", "Invalid query", "Unknown " + name + " '" + value + "'.");
  }
}
