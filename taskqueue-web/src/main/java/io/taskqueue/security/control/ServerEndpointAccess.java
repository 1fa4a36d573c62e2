package io.taskqueue.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read Payara's {@code /metrics} and {@code /openapi}: anyone, the default (scrapers and
 * generators need no key), or only callers holding the taskqueue role that {@code
 * taskqueue.metrics.role} or {@code taskqueue.openapi.role} names. {@code /health} stays open: it
 * is what probes read. It applies where those endpoints pass through taskqueue's sign-in, which is
 * where taskqueue's WAR is at the server's root.
 */
@ApplicationScoped
public class ServerEndpointAccess {

  static final String METRICS_ROLE = "taskqueue.metrics.role";
  static final String OPENAPI_ROLE = "taskqueue.openapi.role";

  @Inject
  @ConfigProperty(name = METRICS_ROLE)
  Optional<String> metricsRole;

  @Inject
  @ConfigProperty(name = OPENAPI_ROLE)
  Optional<String> openapiRole;

  /** A role a caller must hold to read {@code path}, and the setting that asks for it. */
  record Requirement(String role, String setting) {}

  /** What reading {@code path} requires; empty when anyone may read it. */
  Optional<Requirement> requiredFor(String path) {
    if (path.equals("/metrics") || path.startsWith("/metrics/")) {
      return metricsRole
          .filter(r -> !r.isBlank())
          .map(r -> new Requirement(r.strip(), METRICS_ROLE));
    }
    if (path.equals("/openapi") || path.startsWith("/openapi/")) {
      return openapiRole
          .filter(r -> !r.isBlank())
          .map(r -> new Requirement(r.strip(), OPENAPI_ROLE));
    }
    return Optional.empty();
  }
}
