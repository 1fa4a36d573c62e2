package io.taskqueue.queue.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.queue.entity.QueueDepths;
import io.taskqueue.queue.entity.QueueOverview;
import io.taskqueue.queue.entity.QueueState;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.entity.Role;
import io.taskqueue.stats.boundary.JobStatistics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/queues}: queue depths per priority and job counts per status; pausing and resuming a
 * priority queue.
 */
@ServedUnderApiOnly
@Path("queues")
@RolesAllowed(Role.VIEWER_NAME)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Queues", description = "Priority queues: depths, pause and resume")
public class QueuesResource {

  @Inject DispatchQueue dispatch;
  @Inject JobStatistics statistics;
  @Inject QueuePauses pauses;
  @Inject ActionAudit audit;

  @GET
  @Operation(operationId = "getQueues", summary = "Read queue depths and job counts per status")
  public QueueOverview overview() {
    QueueDepths depths = dispatch.depths();
    Map<String, Long> waiting = new LinkedHashMap<>();
    depths.waiting().forEach((priority, n) -> waiting.put(priority.wireName(), n));
    Map<String, Long> statuses = new LinkedHashMap<>();
    statistics.countsByStatus().forEach((status, n) -> statuses.put(status.wireName(), n));
    return new QueueOverview(
        waiting,
        depths.delayed(),
        depths.inFlight(),
        pauses.paused().stream().map(Priority::wireName).toList(),
        statuses);
  }

  /** Workers stop taking this priority's jobs; submissions are still accepted and kept. */
  @POST
  @Path("{priority}/pause")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "pauseQueue", summary = "Stop workers taking a priority's jobs")
  public QueueState pause(@PathParam("priority") String priority) {
    Priority p = parse(priority);
    boolean changed = pauses.pause(p);
    audit.record("queue.pause", p.wireName(), null, changed ? "paused" : "already paused");
    return new QueueState(p.wireName(), true, changed);
  }

  @POST
  @Path("{priority}/resume")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "resumeQueue", summary = "Let workers take a priority's jobs again")
  public QueueState resume(@PathParam("priority") String priority) {
    Priority p = parse(priority);
    boolean changed = pauses.resume(p);
    audit.record("queue.resume", p.wireName(), null, changed ? "resumed" : "was not paused");
    return new QueueState(p.wireName(), false, changed);
  }

  private static Priority parse(String priority) {
    return Priority.fromWireName(priority)
        .orElseThrow(
            () ->
                ProblemException.badRequest(
                    "invalid-priority",
                    "Invalid priority",
                    "no queue '"
                        + priority
                        + "'; queues are "
                        + Arrays.stream(Priority.values()).map(Priority::wireName).toList()));
  }
}
