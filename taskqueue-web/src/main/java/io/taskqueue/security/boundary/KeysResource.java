package io.taskqueue.security.boundary;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.api.control.ServedUnderApiOnly;
import io.taskqueue.security.control.ActionAudit;
import io.taskqueue.security.control.ApiKeyIdentityStore;
import io.taskqueue.security.control.CurrentCaller;
import io.taskqueue.security.entity.CreatedKey;
import io.taskqueue.security.entity.KeyView;
import io.taskqueue.security.entity.NewKeyRequest;
import io.taskqueue.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/keys}, admins only: create a key (its secret is shown once), list, revoke. */
@ServedUnderApiOnly
@Path("keys")
@ApplicationScoped
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Keys", description = "API keys")
public class KeysResource {

  static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

  @Inject ApiKeys keys;
  @Inject CurrentCaller caller;
  @Inject ActionAudit audit;

  @GET
  @Operation(operationId = "listKeys", summary = "List API keys")
  public List<KeyView> list() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  /** 201 with the key and its secret; 409 when the name is taken. */
  @POST
  @Transactional
  @Operation(operationId = "createKey", summary = "Create an API key")
  @RequestBody(
      required = true,
      description = "The key",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "NewKeyRequest")))
  @APIResponse(
      responseCode = "201",
      description = "The key with its secret, shown only now",
      content = @Content(mediaType = "application/json", schema = @Schema(ref = "KeyView")))
  public Response create(NewKeyRequest request) {
    if (request == null
        || request.name() == null
        || !NAME.matcher(request.name()).matches()
        || request.name().equals(ApiKeyIdentityStore.BOOTSTRAP_NAME)) {
      throw invalid(
          "name must be 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or"
              + " digit, and not '"
              + ApiKeyIdentityStore.BOOTSTRAP_NAME
              + "'.");
    }
    List<Role> roles = roles(request.roles());
    if (request.expiresAt() != null && !request.expiresAt().isAfter(OffsetDateTime.now())) {
      throw invalid("expiresAt must be in the future.");
    }
    CreatedKey created =
        keys.create(request.name(), roles, request.expiresAt(), caller.get().id())
            .orElseThrow(
                () ->
                    new ProblemException(
                        Status.CONFLICT,
                        "key-name-taken",
                        "Key name taken",
                        "A key named " + request.name() + " exists (revoked keys keep names)."));
    audit.record(
        "key.create", "key " + created.key().id() + " " + created.key().name(), null, null);
    return Response.status(Status.CREATED)
        .entity(KeyView.of(created.key(), created.secret()))
        .build();
  }

  /** 200 with the revoked key; it stops working at once on every node. */
  @DELETE
  @Path("{id}")
  @Transactional
  @Operation(operationId = "revokeKey", summary = "Revoke an API key")
  public KeyView revoke(@PathParam("id") String id) {
    long keyId;
    try {
      keyId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw notFound(id);
    }
    KeyView revoked = keys.revoke(keyId).map(KeyView::of).orElseThrow(() -> notFound(id));
    audit.record("key.revoke", "key " + keyId + " " + revoked.name(), null, null);
    return revoked;
  }

  private static List<Role> roles(List<String> names) {
    if (names == null || names.isEmpty() || names.size() > 4) {
      throw invalid("roles must list 1 to 4 of viewer, submitter, operator, admin.");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : names) {
      roles.add(
          Role.fromWireName(name)
              .orElseThrow(
                  () -> invalid("unknown role; roles are viewer, submitter, operator, admin.")));
    }
    return new ArrayList<>(roles);
  }

  private static ProblemException invalid(String detail) {
    return ProblemException.badRequest("invalid-key", "Invalid key", detail);
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(
        Status.NOT_FOUND, "key-not-found", "Key not found", "No key has id " + id + ".");
  }
}
