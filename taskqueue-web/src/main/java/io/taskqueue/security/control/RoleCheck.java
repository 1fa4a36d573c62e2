package io.taskqueue.security.control;

import io.taskqueue.security.entity.Caller;
import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/**
 * Enforces {@code @RolesAllowed} on every resource method (the method's, else its class's): 401 for
 * an anonymous caller, 403 for one without any of the roles. A method with neither annotation is
 * refused to everyone, so an endpoint added without thinking about roles is closed, not open. A
 * method's {@link AlsoRequiresRoles} must be held as well.
 */
public class RoleCheck implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    RolesAllowed allowed = resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
    }
    AlsoRequiresRoles also = resource.getResourceMethod().getAnnotation(AlsoRequiresRoles.class);
    context.register(
        new Check(
            allowed == null ? List.of() : Arrays.asList(allowed.value()),
            also == null ? List.of() : Arrays.asList(also.value())),
        BEFORE_JERSEY);
  }

  /**
   * Payara also registers Jersey's {@code RolesAllowedDynamicFeature} (at {@code AUTHORIZATION}),
   * which answers without a reason; this check runs first, so callers get one.
   */
  static final int BEFORE_JERSEY = Priorities.AUTHORIZATION - 100;

  @Priority(BEFORE_JERSEY)
  static final class Check implements ContainerRequestFilter {
    private final List<String> roles;
    private final List<String> alsoRequired;

    Check(List<String> roles, List<String> alsoRequired) {
      this.roles = roles;
      this.alsoRequired = alsoRequired;
    }

    @Override
    public void filter(ContainerRequestContext request) {
      if (!(request.getProperty(Callers.ATTRIBUTE) instanceof Caller caller)) {
        request.abortWith(
            Response.fromResponse(
                    Callers.unauthorized(
                            "Send an API key or token as Authorization: Bearer <secret>.")
                        .toResponse())
                .header("WWW-Authenticate", "Bearer realm=\"taskqueue\"")
                .build());
        return;
      }
      if (roles.stream().noneMatch(caller.roles()::contains)) {
        request.abortWith(
            Callers.forbidden(
                    roles.isEmpty()
                        ? "No role may call this."
                        : "This needs one of the roles " + String.join(", ", roles) + ".")
                .toResponse());
        return;
      }
      if (!caller.roles().containsAll(alsoRequired)) {
        request.abortWith(
            Callers.forbidden(
                    "This submits jobs: it needs the role "
                        + String.join(" and ", alsoRequired)
                        + " as well as one of "
                        + String.join(", ", roles)
                        + ".")
                .toResponse());
      }
    }
  }
}
