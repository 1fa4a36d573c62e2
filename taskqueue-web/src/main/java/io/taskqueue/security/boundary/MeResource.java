package io.taskqueue.security.boundary;

import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.control.WsTicketRateLimit;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Me;
import io.taskqueue.security.entity.Role;
import io.taskqueue.security.entity.SignIn;
import io.taskqueue.security.entity.WsTicket;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/me}: who the caller is, so a console can show only what its roles allow; {@code
 * POST /api/ws-ticket}: a one-time ticket for the event WebSocket.
 */
@ServedUnderApiOnly
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "The caller")
public class MeResource {

  @Inject CurrentCaller caller;
  @Inject WsTickets tickets;
  @Inject WsTicketRateLimit ticketLimit;

  @GET
  @Path("me")
  @RolesAllowed({Role.VIEWER_NAME, Role.SUBMITTER_NAME, Role.OPERATOR_NAME, Role.ADMIN_NAME})
  @Operation(operationId = "getMe", summary = "Read the caller's name and roles")
  public Me me() {
    Caller me = caller.get();
    return new Me(me.name(), me.via(), me.roles());
  }

  @POST
  @Path("ws-ticket")
  @RolesAllowed(Role.VIEWER_NAME)
  @Operation(
      operationId = "createWsTicket",
      summary = "Get a one-time ticket for the event feed WebSocket")
  public WsTicket wsTicket() {
    ticketLimit.take(caller.get());
    // The ticket carries how the caller signed in, so the feed it opens closes with that sign-in.
    String signIn = caller.signIn().map(SignIn::encode).orElse("");
    return new WsTicket(tickets.issue(caller.get(), signIn), tickets.ttlSeconds());
  }
}
