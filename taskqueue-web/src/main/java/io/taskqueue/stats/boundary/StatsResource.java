package io.taskqueue.stats.boundary;

import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.entity.Role;
import io.taskqueue.stats.entity.JobStats;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/stats}: jobs per status, success rate, and the last minute's and hour's completions,
 * failures, throughput and run times. Read from counters and rollups, never by scanning jobs, so it
 * answers in milliseconds at ten million jobs.
 */
@ServedUnderApiOnly
@Path("stats")
@RolesAllowed(Role.VIEWER_NAME)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Stats", description = "Counts and rates")
public class StatsResource {

  @Inject JobStatistics statistics;

  @GET
  @Operation(operationId = "getStats", summary = "Read job counts and throughput")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "JobStats")))
  public JobStats stats() {
    return statistics.snapshot();
  }
}
