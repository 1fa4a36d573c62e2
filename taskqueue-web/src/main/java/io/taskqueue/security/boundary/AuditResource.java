package io.taskqueue.security.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.entity.AuditPage;
import io.taskqueue.security.entity.AuditRecord;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/audit}, admins only: the audit log, newest first, by actor and action. */
@ServedUnderApiOnly
@Path("audit")
@ApplicationScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what")
public class AuditResource {

  static final int DEFAULT_PAGE = 50;
  static final int MAX_PAGE = 500;

  @Inject AuditTrail trail;

  @GET
  @Operation(operationId = "listAuditEntries", summary = "List audit entries, newest first")
  public AuditPage list(
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("limit") Integer limit,
      @QueryParam("cursor") String cursor) {
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > MAX_PAGE) {
      throw invalid("limit must be between 1 and " + MAX_PAGE + ".");
    }
    Long before;
    try {
      before = cursor == null ? null : Long.valueOf(cursor);
    } catch (NumberFormatException e) {
      throw invalid("cursor is the next value of a previous page.");
    }
    List<AuditRecord> page = trail.list(actor, action, before, size);
    String next = page.size() == size ? Long.toString(page.get(page.size() - 1).id()) : null;
    return new AuditPage(page, next);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-query", "Invalid query", detail);
  }
}
