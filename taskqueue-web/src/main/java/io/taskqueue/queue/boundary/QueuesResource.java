package io.taskqueue.queue.boundary;

import io.taskqueue.queue.entity.QueueDepths;
import io.taskqueue.queue.entity.QueueOverview;
import io.taskqueue.stats.boundary.JobStatistics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /api/queues}: queue depths per priority and job counts per status. */
@Path("queues")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

  @Inject DispatchQueue dispatch;
  @Inject JobStatistics statistics;

  @GET
  public QueueOverview overview() {
    QueueDepths depths = dispatch.depths();
    Map<String, Long> waiting = new LinkedHashMap<>();
    depths.waiting().forEach((priority, n) -> waiting.put(priority.wireName(), n));
    Map<String, Long> statuses = new LinkedHashMap<>();
    statistics.countsByStatus().forEach((status, n) -> statuses.put(status.wireName(), n));
    return new QueueOverview(waiting, depths.delayed(), depths.inFlight(), statuses);
  }
}
