package io.taskqueue.security.control;

import io.taskqueue.api.control.ProblemException;
import io.taskqueue.security.entity.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Job types restricted to some roles by {@code taskqueue.job-types.<type>.roles} (a comma list):
 * submitting one needs, besides the submitter role, one of those. Unrestricted by default.
 */
@ApplicationScoped
public class TypeAccess {

  /** Per known type (submissions of unknown types are refused before this), so bounded. */
  private final Map<String, List<String>> rolesByType = new ConcurrentHashMap<>();

  /** Throws the 403 problem unless {@code caller} may submit jobs of {@code type}. */
  public void check(Caller caller, String type) {
    List<String> roles =
        rolesByType.computeIfAbsent(
            type,
            t ->
                ConfigProvider.getConfig()
                    .getOptionalValues("taskqueue.job-types." + t + ".roles", String.class)
                    .orElse(List.of()));
    if (!roles.isEmpty() && roles.stream().noneMatch(caller.roles()::contains)) {
      throw new ProblemException(
          Status.FORBIDDEN,
          "job-type-forbidden",
          "Job type forbidden",
          "Jobs of type " + type + " need one of the roles " + String.join(", ", roles) + ".");
    }
  }
}
