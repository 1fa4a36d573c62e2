package io.taskqueue.security.control;

import io.taskqueue.api.control.UnexpectedErrorMapper;
import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.security.boundary.WsTickets;
import io.taskqueue.security.entity.BearerCredential;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import io.taskqueue.security.entity.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The application's one authentication mechanism, run on every request. A request outside
 * taskqueue's own paths ({@link OwnPaths}) belongs to the application taskqueue is laid over: its
 * own mechanism ({@link HostAuthentication}) signs it in, or nobody does. On taskqueue's paths:
 *
 * <ol>
 *   <li>{@code Authorization: Bearer <API key or JWT>} is checked by the identity stores; a bad one
 *       ends the request with 401.
 *   <li>On {@code /ws/}, a one-time {@code ticket} query parameter from {@code POST /api/ws-ticket}
 *       may stand in for the header (browsers cannot set it on a handshake); a handshake without a
 *       valid ticket or header, or by a caller who is not a viewer, is refused before the upgrade.
 *       An admitted handshake's sign-in (which key or token) is handed to the endpoint through
 *       {@link WsHandshakes}, so that the feed closes when the key is revoked or the token expires.
 *   <li>A request with neither stays anonymous: the console's files are public, and each resource's
 *       {@link RoleCheck} answers 401 for anonymous calls to the API.
 * </ol>
 *
 * The caller is left in the request attribute {@link Callers#ATTRIBUTE}. A credential that cannot
 * be checked because PostgreSQL (keys) or Redis (tickets) is briefly unreachable is answered 503.
 */
@ApplicationScoped
public class BearerAuthentication implements HttpAuthenticationMechanism {

  private static final String BEARER = "Bearer ";

  @Inject IdentityStoreHandler identityStores;
  @Inject WsTickets tickets;
  @Inject WsHandshakes handshakes;
  @Inject DatabaseSetup database;
  @Inject @HostAuthentication Instance<HttpAuthenticationMechanism> host;
  @Inject ServerEndpointAccess serverEndpoints;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    if (isTheApplications(request)) {
      return host.isResolvable()
          ? host.get().validateRequest(request, response, context)
          : context.doNothing();
    }
    if (!database.isMigrated() && OwnPaths.isApiOrFeed(OwnPaths.of(request))) {
      // The node deployed while PostgreSQL was away and its schema is not up to date yet: no key
      // can be checked and no job stored. Retry soon, or at another node. (The health endpoints
      // pass through here too on Payara Micro: they must go on saying why.)
      return AuthProblems.unavailable(response);
    }
    try {
      return authenticate(request, response, context);
    } catch (RuntimeException e) {
      // Keys live in PostgreSQL and tickets in Redis: while either is briefly away, say so (503).
      // Anything else is an incident, answered as JAX-RS's last resort answers it: thrown from
      // here it would reach the container, whose 500 has an empty body and logs no incident.
      return AuthProblems.unexpected(response, UnexpectedErrorMapper.problem(e));
    }
  }

  @Override
  public AuthenticationStatus secureResponse(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    return isTheApplications(request) && host.isResolvable()
        ? host.get().secureResponse(request, response, context)
        : AuthenticationStatus.SUCCESS;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    if (isTheApplications(request) && host.isResolvable()) {
      host.get().cleanSubject(request, response, context);
    } else {
      HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
  }

  /** A request for the application taskqueue is laid over, not for taskqueue or the server. */
  private static boolean isTheApplications(HttpServletRequest request) {
    return !OwnPaths.isServedByTaskqueue(request)
        && !OwnPaths.isServerEndpoint(OwnPaths.of(request));
  }

  /** An admitted caller, how it signed in (null when its store did not say) and with what. */
  private record Admitted(Caller caller, SignIn signIn, String credential) {}

  private AuthenticationStatus authenticate(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = OwnPaths.of(request);
    String header = request.getHeader("Authorization");
    Optional<Admitted> admitted = Optional.empty();
    if (header != null) {
      Optional<String> secret = bearerSecret(header);
      if (secret.isEmpty()) {
        return AuthProblems.unauthorized(
            response, "Send credentials as Authorization: Bearer <API key or token>.");
      }
      admitted = bearer(secret.get());
      if (admitted.isEmpty()) {
        return AuthProblems.unauthorized(
            response, "The API key or token is unknown, revoked, expired or invalid.");
      }
      if (admitted.get().caller().name().length() > Callers.MAX_NAME_LENGTH) {
        return AuthProblems.unauthorized(
            response,
            "The caller name in the token is longer than "
                + Callers.MAX_NAME_LENGTH
                + " characters; ask the identity provider for a shorter one.");
      }
    } else if (path.startsWith("/ws/") && request.getParameter("ticket") != null) {
      String ticket = request.getParameter("ticket");
      // A ticket that does not say how its caller signed in could not be re-checked: refused.
      admitted =
          tickets
              .redeem(ticket)
              .flatMap(
                  redeemed ->
                      SignIn.decode(redeemed.credential())
                          .map(signIn -> new Admitted(redeemed.caller(), signIn, ticket)));
      if (admitted.isEmpty()) {
        return AuthProblems.unauthorized(response, "The ticket is unknown, used or expired.");
      }
    }
    Optional<ServerEndpointAccess.Requirement> required =
        OwnPaths.isServerEndpoint(path) ? serverEndpoints.requiredFor(path) : Optional.empty();
    if (required.isPresent()) {
      String role = required.get().role();
      if (admitted.isEmpty()) {
        return AuthProblems.unauthorized(
            response,
            "Reading this needs credentials with the role "
                + role
                + " ("
                + required.get().setting()
                + ").");
      }
      if (!Role.fromWireName(role).map(admitted.get().caller()::has).orElse(false)) {
        return AuthProblems.forbidden(
            response,
            "Reading this needs the role " + role + " (" + required.get().setting() + ").");
      }
    }
    if (path.startsWith("/ws/")) {
      if (admitted.isEmpty()) {
        return AuthProblems.unauthorized(
            response, "Open the WebSocket with a ticket from POST /api/ws-ticket.");
      }
      if (!admitted.get().caller().has(Role.VIEWER)) {
        return AuthProblems.forbidden(response, "The event feed needs the viewer role.");
      }
      if (admitted.get().signIn() == null) {
        return AuthProblems.unauthorized(
            response, "This credential cannot be re-checked, so it cannot open the feed.");
      }
      // The feed must close when this sign-in lapses; the endpoint learns it from here.
      handshakes.remember(admitted.get().credential(), admitted.get().signIn());
    }
    if (admitted.isEmpty()) {
      return context.doNothing();
    }
    Caller caller = admitted.get().caller();
    request.setAttribute(Callers.ATTRIBUTE, caller);
    if (admitted.get().signIn() != null) {
      request.setAttribute(Callers.SIGN_IN, admitted.get().signIn());
    }
    return context.notifyContainerAboutLogin(caller.name(), caller.roles());
  }

  /** The secret of an {@code Authorization: Bearer} header; empty when it is not one. */
  static Optional<String> bearerSecret(String header) {
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(BEARER.length()).strip());
  }

  private Optional<Admitted> bearer(String token) {
    if (token.isEmpty() || token.length() > 8_192) {
      return Optional.empty();
    }
    BearerCredential credential = new BearerCredential(token);
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != Status.VALID) {
      return Optional.empty();
    }
    Caller caller =
        Caller.of(
            result.getCallerPrincipal().getName(),
            result.getCallerGroups().stream()
                .map(Role::fromWireName)
                .flatMap(Optional::stream)
                .collect(Collectors.toSet()),
            credential.isJwt() ? "jwt" : "key");
    SignIn signIn =
        result.getCallerPrincipal() instanceof SignInPrincipal principal
            ? principal.signIn()
            : null;
    return Optional.of(new Admitted(caller, signIn, token));
  }
}
