package io.taskqueue.job.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.job.control.Cursor;
import io.taskqueue.job.entity.BulkResult;
import io.taskqueue.job.entity.DeadFilter;
import io.taskqueue.job.entity.JobPage;
import io.taskqueue.job.entity.JobView;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.control.TypeAccess;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/dead}: the dead-letter queue. List dead jobs (newest first) filtered by {@code type},
 * {@code error} (text in the last error) and {@code after}/{@code before} (when they died, ISO
 * 8601); retry or delete every match.
 */
@ServedUnderApiOnly
@Path("dead")
@RolesAllowed(Role.VIEWER_NAME)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Jobs that used up their attempts")
public class DeadLettersResource {

  @Inject JobOperations operations;
  @Inject ActionAudit audit;
  @Inject CurrentCaller caller;
  @Inject TypeAccess typeAccess;

  @GET
  @Operation(operationId = "listDeadLetters", summary = "List dead jobs, newest first")
  public JobPage list(
      @QueryParam("type") String type,
      @QueryParam("error") String error,
      @QueryParam("after") String after,
      @QueryParam("before") String before,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    int size = limit == null ? JobsResource.DEFAULT_PAGE : limit;
    if (size < 1 || size > JobsResource.MAX_PAGE) {
      throw ProblemException.badRequest(
          "invalid-query",
          "Invalid query",
          "limit must be between 1 and " + JobsResource.MAX_PAGE + ".");
    }
    DeadFilter filter =
        new DeadFilter(
            type,
            error,
            time("after", after),
            time("before", before),
            size,
            cursor == null ? null : Cursor.decode(cursor));
    List<JobView> page = operations.listDead(filter).stream().map(JobView::of).toList();
    String next = page.size() == size ? Cursor.encode(page.get(page.size() - 1).id()) : null;
    return new JobPage(page, next);
  }

  /**
   * Queues every matching dead job again (at most 10,000 per call). Running jobs again submits
   * them: a caller who may not submit some restricted type retries by a type it may submit.
   */
  @POST
  @Path("retry")
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "retryDeadLetters", summary = "Queue every matching dead job again")
  public BulkResult retry(
      @QueryParam("type") String type,
      @QueryParam("error") String error,
      @QueryParam("after") String after,
      @QueryParam("before") String before) {
    if (type != null) {
      typeAccess.check(caller.get(), type);
    } else {
      typeAccess.requireAllKnownTypes(caller.get());
    }
    int retried = operations.retryDead(filter(type, error, after, before));
    audit.record("dead.retry", describe(type, error, after, before), retried, null);
    return new BulkResult(retried, null);
  }

  /** Deletes every matching dead job and its attempt history. */
  @DELETE
  @RolesAllowed(Role.OPERATOR_NAME)
  @Transactional
  @Operation(operationId = "deleteDeadLetters", summary = "Delete every matching dead job")
  public BulkResult delete(
      @QueryParam("type") String type,
      @QueryParam("error") String error,
      @QueryParam("after") String after,
      @QueryParam("before") String before) {
    int deleted = operations.deleteDead(filter(type, error, after, before));
    audit.record("dead.delete", describe(type, error, after, before), deleted, null);
    return new BulkResult(null, deleted);
  }

  /** The filter as the audit log shows it: which dead jobs an action took. */
  private static String describe(String type, String error, String after, String before) {
    StringBuilder filter = new StringBuilder("dead jobs");
    for (String[] part :
        new String[][] {{"type", type}, {"error", error}, {"after", after}, {"before", before}}) {
      if (part[1] != null) {
        filter.append(' ').append(part[0]).append('=').append(part[1]);
      }
    }
    return filter.toString();
  }

  private static DeadFilter filter(String type, String error, String after, String before) {
    return new DeadFilter(type, error, time("after", after), time("before", before), 0, null);
  }

  private static OffsetDateTime time(String name, String value) {
    try {
      return value == null ? null : OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "invalid-query",
          "Invalid query",
          name + " must be an ISO 8601 time with offset, like 2026-11-27T10:00:00Z.");
    }
  }
}
