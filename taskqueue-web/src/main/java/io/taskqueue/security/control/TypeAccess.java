package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Job types restricted to some roles by {@code taskqueue.job-types.<type>.roles} (a comma list):
 * submitting one needs, besides the submitter role, one of those. Unrestricted by default.
 *
 * <p>The roles of a type this node has a handler for are remembered, so the cache holds at most one
 * entry per handler. Any other type string comes from a caller and is checked here before it is
 * validated (a workflow checks every job first): it is looked up each time and never kept, or one
 * request per unknown 16 MB type name would stay in memory until the node restarts.
 */
@ApplicationScoped
public class TypeAccess {

  private final Map<String, List<String>> rolesByKnownType = new ConcurrentHashMap<>();

  @Inject JobHandlers handlers;

  /** The configured roles of a type; replaced in tests. */
  Function<String, List<String>> configuredRoles =
      type ->
          ConfigProvider.getConfig()
              .getOptionalValues("taskqueue.job-types." + type + ".roles", String.class)
              .orElse(List.of());

  /** Throws the 403 problem unless {@code caller} may submit jobs of {@code type}. */
  public void check(Caller caller, String type) {
    List<String> roles = roles(type);
    if (!permits(roles, caller)) {
      throw new ProblemException(
          Status.FORBIDDEN,
          "job-type-forbidden",
          "Job type forbidden",
          "Jobs of type " + type + " need one of the roles " + String.join(", ", roles) + ".");
    }
  }

  /**
   * Throws the 403 problem unless {@code caller} may submit every type this node has a handler for:
   * what an action on jobs of any type needs (retrying every dead job).
   */
  public void requireAllKnownTypes(Caller caller) {
    List<String> denied =
        handlers.knownTypes().stream().filter(t -> !permits(roles(t), caller)).toList();
    if (!denied.isEmpty()) {
      throw new ProblemException(
          Status.FORBIDDEN,
          "job-type-forbidden",
          "Job type forbidden",
          "Jobs of the types "
              + String.join(", ", denied)
              + " need roles you do not hold; name a type you may submit.");
    }
  }

  private List<String> roles(String type) {
    return handlers.forType(type).isPresent()
        ? rolesByKnownType.computeIfAbsent(type, configuredRoles)
        : configuredRoles.apply(type);
  }

  private static boolean permits(List<String> roles, Caller caller) {
    return roles.isEmpty() || roles.stream().anyMatch(caller.roles()::contains);
  }

  /** How many types' roles are remembered. */
  int remembered() {
    return rolesByKnownType.size();
  }
}
