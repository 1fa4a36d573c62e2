package io.taskqueue.api.probe;

import io.taskqueue.IdempotencyKeyConflictException;
import io.taskqueue.InvalidJobException;
import io.taskqueue.JobRequest;
import io.taskqueue.TaskQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the Java API inside the deployed WAR, as an application's own code would, for {@link
 * io.taskqueue.api.JavaApiIT}: a resource of the test's own application, not of taskqueue's.
 */
@Path("java-api")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class JavaApiProbe {

  @Inject TaskQueue tasks;

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

  @POST
  @Path("retry/{id}")
  public String retry(@PathParam("id") String id) {
    return tasks.retry(UUID.fromString(id)).name();
  }
}
