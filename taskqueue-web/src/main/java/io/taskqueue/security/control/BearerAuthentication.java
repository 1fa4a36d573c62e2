package io.taskqueue.security.control;

import io.taskqueue.api.control.TemporaryOutages;
import io.taskqueue.security.boundary.WsTickets;
import io.taskqueue.security.entity.BearerCredential;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The application's one authentication mechanism, run on every request:
 *
 * <ol>
 *   <li>{@code Authorization: Bearer <API key or JWT>} is checked by the identity stores; a bad one
 *       ends the request with 401, whatever the path.
 *   <li>On {@code /ws/}, a one-time {@code ticket} query parameter from {@code POST /api/ws-ticket}
 *       may stand in for the header (browsers cannot set it on a handshake); a handshake without a
 *       valid ticket or header, or by a caller who is not a viewer, is refused before the upgrade.
 *   <li>A request with neither stays anonymous: the console's files are public, and each resource's
 *       {@link RoleCheck} answers 401 for anonymous calls to the API.
 * </ol>
 *
 * The caller is left in the request attribute {@link Callers#ATTRIBUTE}. A credential that cannot
 * be checked because PostgreSQL (keys) or Redis (tickets) is briefly unreachable is answered 503.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

  private static final Logger LOG = Logger.getLogger(BearerAuthentication.class.getName());
  private static final String BEARER = "Bearer ";

  @Inject IdentityStoreHandler identityStores;
  @Inject WsTickets tickets;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    try {
      return authenticate(request, response, context);
    } catch (RuntimeException e) {
      // Keys live in PostgreSQL and tickets in Redis: while either is briefly away, say so (503)
      // rather than let the container answer 500.
      if (TemporaryOutages.isTemporary(e)) {
        LOG.warning(() -> "Could not check credentials, answered 503: " + e);
        return AuthProblems.unavailable(response);
      }
      throw e;
    }
  }

  private AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String header = request.getHeader("Authorization");
    Optional<Caller> caller = Optional.empty();
    if (header != null) {
      if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        return AuthProblems.unauthorized(
            response, "Send credentials as Authorization: Bearer <API key or token>.");
      }
      caller = bearer(header.substring(BEARER.length()).strip());
      if (caller.isEmpty()) {
        return AuthProblems.unauthorized(
            response, "The API key or token is unknown, revoked, expired or invalid.");
      }
      if (caller.get().name().length() > Callers.MAX_NAME_LENGTH) {
        return AuthProblems.unauthorized(
            response,
            "The caller name in the token is longer than "
                + Callers.MAX_NAME_LENGTH
                + " characters; ask the identity provider for a shorter one.");
      }
    } else if (path.startsWith("/ws/") && request.getParameter("ticket") != null) {
      caller = tickets.redeem(request.getParameter("ticket"));
      if (caller.isEmpty()) {
        return AuthProblems.unauthorized(response, "The ticket is unknown, used or expired.");
      }
    }
    if (path.startsWith("/ws/")) {
      if (caller.isEmpty()) {
        return AuthProblems.unauthorized(
            response, "Open the WebSocket with a ticket from POST /api/ws-ticket.");
      }
      if (!caller.get().has(Role.VIEWER)) {
        return AuthProblems.forbidden(response, "The event feed needs the viewer role.");
      }
    }
    if (caller.isEmpty()) {
      return context.doNothing();
    }
    request.setAttribute(Callers.ATTRIBUTE, caller.get());
    return context.notifyContainerAboutLogin(caller.get().name(), caller.get().roles());
  }

  private Optional<Caller> bearer(String token) {
    if (token.isEmpty() || token.length() > 8_192) {
      return Optional.empty();
    }
    BearerCredential credential = new BearerCredential(token);
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != Status.VALID) {
      return Optional.empty();
    }
    return Optional.of(
        Caller.of(
            result.getCallerPrincipal().getName(),
            result.getCallerGroups().stream()
                .map(Role::fromWireName)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet()),
            credential.isJwt() ? "jwt" : "key"));
  }
}
