package io.taskqueue.api.probe;

import io.taskqueue.IdempotencyKeyConflictException;
import io.taskqueue.InvalidJobException;
import io.taskqueue.JobPage;
import io.taskqueue.JobQuery;
import io.taskqueue.JobRequest;
import io.taskqueue.JobState;
import io.taskqueue.OnParentFailure;
import io.taskqueue.SubmittedWorkflow;
import io.taskqueue.TaskQueue;
import io.taskqueue.Workflow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Calls the Java API inside the deployed WAR, as an application's own code would, for {@link
 * io.taskqueue.api.JavaApiIT}: a resource of the test's own application, not of taskqueue's.
 */
@Path("java-api")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class JavaApiProbe {

  @Inject TaskQueue tasks;
  @Inject OutcomeProbe outcomes;

  /** What the observers heard of the job, one line per delivery. */
  @GET
  @Path("outcomes/{id}")
  public String outcomes(@PathParam("id") UUID id) throws SQLException {
    return String.join("\n", outcomes.deliveredFor(id))
        + "\ncommitted="
        + outcomes.committedFor(id);
  }

  /** Waits for the job with {@link TaskQueue#completion}: its state, or what failed the stage. */
  @GET
  @Path("completion/{id}")
  public String completion(@PathParam("id") UUID id) throws Exception {
    try {
      return tasks.completion(id).toCompletableFuture().get(30, TimeUnit.SECONDS).state().name();
    } catch (ExecutionException e) {
      return e.getCause().getClass().getSimpleName();
    }
  }

  /**
   * Submits one {@code echo} job per entry of {@code keys} (comma-separated; "-" for none) with the
   * payload {@code {"n": payloads[i]}}; answers the ids, comma-separated, or 409 with what refused
   * the batch.
   */
  @POST
  @Path("batch")
  public Response submitAll(
      @QueryParam("keys") String keys, @QueryParam("payloads") String payloads) {
    String[] keyList = keys.split(",");
    String[] payloadList = payloads.split(",");
    List<JobRequest> requests = new ArrayList<>();
    for (int i = 0; i < keyList.length; i++) {
      JobRequest request = JobRequest.of("echo", Map.of("n", Integer.parseInt(payloadList[i])));
      requests.add(keyList[i].equals("-") ? request : request.idempotencyKey(keyList[i]));
    }
    try {
      return Response.ok(
              String.join(",", tasks.submitAll(requests).stream().map(UUID::toString).toList()))
          .build();
    } catch (IdempotencyKeyConflictException | InvalidJobException e) {
      return Response.status(409).entity(e.getClass().getSimpleName()).build();
    }
  }

  /**
   * Submits a workflow: "first" (echo) → "second" (echo); "broken" (fails for good) → "cleanup"
   * (runs anyway) and "skipped" (cancelled with it). With {@code cycle}, "first" also waits for
   * "second"; with {@code key}, "first" carries an idempotency key. Answers "workflowId;key=id,…",
   * or 409 with what refused it.
   */
  @POST
  @Path("workflow")
  public Response submitWorkflow(
      @QueryParam("cycle") boolean cycle, @QueryParam("key") boolean key) {
    JobRequest first = JobRequest.of("echo", Map.of("n", 1));
    String[] firstParents = cycle ? new String[] {"second"} : new String[0];
    Workflow workflow =
        Workflow.of()
            .job("first", key ? first.idempotencyKey("k") : first, firstParents)
            .job("second", JobRequest.of("echo", Map.of("n", 2)), "first")
            .job(
                "broken",
                JobRequest.of("fail", Map.of("permanent", true, "message", "on purpose"))
                    .maxAttempts(1))
            .job("cleanup", JobRequest.of("noop", null), OnParentFailure.RUN_ANYWAY, "broken")
            .job("skipped", JobRequest.of("noop", null), "broken");
    try {
      SubmittedWorkflow stored = tasks.submitWorkflow(workflow);
      return Response.ok(
              stored.workflowId()
                  + ";"
                  + String.join(
                      ",",
                      stored.jobs().entrySet().stream()
                          .map(job -> job.getKey() + "=" + job.getValue())
                          .toList()))
          .build();
    } catch (InvalidJobException e) {
      return Response.status(409).entity(e.getMessage()).build();
    }
  }

  /** One page of {@code list}: "id type state,…;next" (next empty on the last page). */
  @GET
  @Path("list")
  public Response list(
      @QueryParam("type") String type,
      @QueryParam("submittedBy") String submittedBy,
      @QueryParam("state") String state,
      @QueryParam("limit") int limit,
      @QueryParam("before") String before) {
    JobQuery query =
        JobQuery.all()
            .type(type)
            .submittedBy(submittedBy)
            .state(state == null ? null : JobState.valueOf(state))
            .limit(limit)
            .before(before == null ? null : UUID.fromString(before));
    try {
      JobPage page = tasks.list(query);
      return Response.ok(
              String.join(
                      ",",
                      page.jobs().stream()
                          .map(job -> job.id() + " " + job.type() + " " + job.state())
                          .toList())
                  + ";"
                  + (page.next() == null ? "" : page.next()))
          .build();
    } catch (IllegalArgumentException e) {
      return Response.status(409).entity(e.getMessage()).build();
    }
  }

  /** The job's progress and log: "percent message;seq attempt level message|…". */
  @GET
  @Path("telemetry/{id}")
  public Response telemetry(
      @PathParam("id") String id, @QueryParam("after") int after, @QueryParam("limit") int limit) {
    UUID job = UUID.fromString(id);
    try {
      String progress =
          tasks.progress(job).map(p -> p.percent() + " " + p.message()).orElse("none");
      String lines =
          String.join(
              "|",
              tasks.logs(job, after, limit).stream()
                  .map(l -> l.seq() + " " + l.attempt() + " " + l.level() + " " + l.message())
                  .toList());
      return Response.ok(progress + ";" + lines).build();
    } catch (IllegalArgumentException e) {
      return Response.status(409).entity(e.getMessage()).build();
    }
  }

  /**
   * In one transaction of the application's: a batch the rules refuse (an unknown type), caught,
   * then one job submitted; answers that job's id once the transaction has committed.
   */
  @POST
  @Path("refused-batch-then-submit")
  @Transactional
  public String refusedBatchThenSubmit() {
    try {
      tasks.submitAll(List.of(JobRequest.of("no-such-type", null)));
      throw new IllegalStateException("the batch was not refused");
    } catch (InvalidJobException expected) {
      return tasks.submit("echo", Map.of("n", 4)).toString();
    }
  }

  @POST
  @Path("retry/{id}")
  public String retry(@PathParam("id") String id) {
    return tasks.retry(UUID.fromString(id)).name();
  }
}
