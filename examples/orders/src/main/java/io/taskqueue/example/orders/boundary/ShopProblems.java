package io.taskqueue.example.orders.boundary;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The shop's own answer to whatever its resources throw: a bad argument is the caller's 400, a
 * JAX-RS exception keeps its status, anything else is a 500. taskqueue's own mappers never see the
 * shop's exceptions, and this one never sees taskqueue's.
 */
@Provider
public class ShopProblems implements ExceptionMapper<Exception> {

  @Override
  public Response toResponse(Exception e) {
    if (e instanceof WebApplicationException web) {
      return web.getResponse();
    }
    boolean bad = e instanceof IllegalArgumentException;
    int status = bad ? 400 : 500;
    var body =
        Json.createObjectBuilder()
            .add("type", bad ? "urn:shop:problem:bad-request" : "urn:shop:problem:internal")
            .add("title", bad ? "bad request" : "internal error")
            .add("status", status)
            .add("detail", bad ? e.getMessage() : "The shop failed to handle the request.");
    return Response.status(status).type("application/problem+json").entity(body.build()).build();
  }
}
