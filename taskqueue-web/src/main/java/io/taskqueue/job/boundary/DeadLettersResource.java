package io.taskqueue.job.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.job.control.Cursor;
import io.taskqueue.job.entity.BulkResult;
import io.taskqueue.job.entity.DeadFilter;
import io.taskqueue.job.entity.JobPage;
import io.taskqueue.job.entity.JobView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/**
 * {@code /api/dead}: the dead-letter queue. List dead jobs (newest first) filtered by {@code type},
 * {@code error} (text in the last error) and {@code after}/{@code before} (when they died, ISO
 * 8601); retry or delete every match.
 */
@Path("dead")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeadLettersResource {

  @Inject JobOperations operations;

  @GET
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

  /** Queues every matching dead job again (at most 10,000 per call). */
  @POST
  @Path("retry")
  public BulkResult retry(
      @QueryParam("type") String type,
      @QueryParam("error") String error,
      @QueryParam("after") String after,
      @QueryParam("before") String before) {
    return new BulkResult(operations.retryDead(filter(type, error, after, before)), null);
  }

  /** Deletes every matching dead job and its attempt history. */
  @DELETE
  public BulkResult delete(
      @QueryParam("type") String type,
      @QueryParam("error") String error,
      @QueryParam("after") String after,
      @QueryParam("before") String before) {
    return new BulkResult(null, operations.deleteDead(filter(type, error, after, before)));
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
