package io.taskqueue.example.orders.boundary;

import io.taskqueue.InvalidJobException;
import io.taskqueue.example.orders.control.OrderFailed;
import io.taskqueue.example.orders.entity.NewOrder;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/orders}: place an order, read it with its confirmation job's state. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("submitter")
public class OrdersResource {

  @Inject Shop shop;

  @POST
  public Response place(NewOrder order) {
    try {
      long id = shop.place(order);
      return Response.status(Response.Status.CREATED).entity(shop.find(id).orElseThrow()).build();
    } catch (OrderFailed e) {
      return problem(409, "order-failed", e.getMessage(), e.job().toString());
    } catch (InvalidJobException e) {
      return problem(400, e.reason().slug(), e.getMessage(), null);
    }
  }

  @GET
  @Path("{id}")
  public Response find(@PathParam("id") long id) {
    return shop.find(id)
        .map(order -> Response.ok(order).build())
        .orElseGet(() -> problem(404, "order-not-found", "No order " + id + ".", null));
  }

  /** 202 with the refund's workflow and its jobs; the order shows the refund once it ran. */
  @POST
  @Path("{id}/refund")
  public Response refund(@PathParam("id") long id) {
    return shop.refund(id)
        .map(
            workflow ->
                Response.accepted(
                        Json.createObjectBuilder()
                            .add("workflowId", workflow.workflowId().toString())
                            .add("refundJob", workflow.jobId("refund").toString())
                            .add("noticeJob", workflow.jobId("notice").toString())
                            .build())
                    .build())
        .orElseGet(() -> problem(404, "order-not-found", "No order " + id + ".", null));
  }

  @GET
  @Path("count/{email}")
  public long[] count(@PathParam("email") String email) {
    return shop.countFor(email);
  }

  private static Response problem(int status, String slug, String detail, String job) {
    var body =
        Json.createObjectBuilder()
            .add("type", "urn:shop:problem:" + slug)
            .add("title", slug.replace('-', ' '))
            .add("status", status)
            .add("detail", detail);
    if (job != null) {
      body.add("job", job);
    }
    return Response.status(status).type("application/problem+json").entity(body.build()).build();
  }
}
