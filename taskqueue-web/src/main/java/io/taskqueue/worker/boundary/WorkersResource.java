package io.taskqueue.worker.boundary;

import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.entity.Role;
import io.taskqueue.worker.entity.NodeHealth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/workers}: every live node (one whose heartbeat has not expired) with its worker
 * threads. A node that stops disappears at once; one that dies, within the heartbeat TTL.
 */
@ServedUnderApiOnly
@Path("workers")
@RolesAllowed(Role.VIEWER_NAME)
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Workers", description = "Nodes and their worker threads")
public class WorkersResource {

  /** The answer: nodes sorted by id. */
  public record Workers(List<NodeHealth> nodes) {}

  @Inject LiveNodes nodes;

  @GET
  @Operation(operationId = "listWorkers", summary = "List live nodes and their workers")
  public Workers list() {
    return new Workers(nodes.all());
  }
}
