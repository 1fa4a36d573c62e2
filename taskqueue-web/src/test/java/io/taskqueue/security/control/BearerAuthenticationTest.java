package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.configuration.boundary.DatabaseSetup;
import io.taskqueue.console.control.ConsolePath;
import io.taskqueue.security.boundary.WsTickets;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import io.taskqueue.security.entity.SignIn;
import io.taskqueue.support.CapturedBody;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {

  private final BearerAuthentication mechanism = new BearerAuthentication();
  private final IdentityStoreHandler stores = mock(IdentityStoreHandler.class);
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final HttpServletResponse response = mock(HttpServletResponse.class);
  private final HttpMessageContext context = mock(HttpMessageContext.class);
  private final CapturedBody body = new CapturedBody();

  private final DatabaseSetup database = mock(DatabaseSetup.class);
  private final ServletContext servletContext = mock(ServletContext.class);

  BearerAuthenticationTest() throws Exception {
    mechanism.identityStores = stores;
    mechanism.database = database;
    mechanism.serverEndpoints = endpoints(null, null);
    when(database.isMigrated()).thenReturn(true);
    when(request.getRequestURI()).thenReturn("/api/jobs");
    when(request.getContextPath()).thenReturn("");
    when(request.getServletContext()).thenReturn(servletContext);
    when(request.getHeader("Authorization")).thenReturn("Bearer tq_secret");
    when(response.getOutputStream()).thenReturn(body);
    when(context.notifyContainerAboutLogin(anyString(), any()))
        .thenReturn(AuthenticationStatus.SUCCESS);
    when(context.notifyContainerAboutLogin(any(java.security.Principal.class), any()))
        .thenReturn(AuthenticationStatus.SUCCESS);
  }

  @Test
  void aCallerNameTooLongForTheColumnsIsRefusedWith401() throws Exception {
    named("a".repeat(Callers.MAX_NAME_LENGTH + 1));

    AuthenticationStatus status = mechanism.validateRequest(request, response, context);

    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    verify(response).setStatus(401);
    assertTrue(body.text().contains("longer than"));
    verify(request, never()).setAttribute(eq(Callers.ATTRIBUTE), any());
  }

  @Test
  void aCallerNameAtTheLimitIsAdmitted() throws Exception {
    named("a".repeat(Callers.MAX_NAME_LENGTH));

    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    verify(request).setAttribute(eq(Callers.ATTRIBUTE), any());
  }

  @Test
  void theLongestCallerIdFitsTheVarchar200Columns() throws Exception {
    assertTrue(("jwt:" + "a".repeat(Callers.MAX_NAME_LENGTH)).length() <= 200);
  }

  @Test
  void aKeyLookupDuringAStorageOutageAnswers503WithRetryAfter() throws Exception {
    when(stores.validate(any()))
        .thenThrow(
            new PersistenceException(
                new SQLException("the database system is starting up", "57P03")));

    AuthenticationStatus status = mechanism.validateRequest(request, response, context);

    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    verify(response).setStatus(503);
    verify(response).setHeader(eq("Retry-After"), anyString());
    verify(response).setContentType("application/problem+json");
  }

  @Test
  void anyOtherFailureToCheckACredentialIsAProblemWithAnIncidentNotTheContainersEmpty500()
      throws Exception {
    // What a store throws while the application is being undeployed, say.
    when(stores.validate(any())).thenThrow(new IllegalStateException("pool is closed"));

    AuthenticationStatus status = mechanism.validateRequest(request, response, context);

    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    verify(response).setStatus(500);
    verify(response).setContentType("application/problem+json");
    String problem = body.text();
    assertTrue(problem.contains("\"status\":500"), problem);
    assertTrue(problem.matches(".*incident [0-9a-f-]{36} is in its log.*"), problem);
    assertFalse(problem.contains("pool is closed"), "no internals in the answer: " + problem);
  }

  @Test
  void beforeTheSchemaIsUpToDateTheApiAnswers503WithoutAskingTheStores() throws Exception {
    when(database.isMigrated()).thenReturn(false);

    AuthenticationStatus status = mechanism.validateRequest(request, response, context);

    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    verify(response).setStatus(503);
    verify(response).setHeader("Retry-After", "5");
    verify(stores, never()).validate(any());
  }

  @Test
  void beforeTheSchemaIsUpToDateTheHealthEndpointsStillPassThrough() throws Exception {
    when(database.isMigrated()).thenReturn(false);
    when(request.getRequestURI()).thenReturn("/health/started");
    when(request.getHeader("Authorization")).thenReturn(null);

    mechanism.validateRequest(request, response, context);

    verify(response, never()).setStatus(503);
  }

  @Test
  void aWebSocketHandshakeHandsOnHowItsCallerSignedIn() throws Exception {
    WsHandshakes handshakes = new WsHandshakes();
    mechanism.handshakes = handshakes;
    when(request.getRequestURI()).thenReturn("/ws/events");
    when(stores.validate(any()))
        .thenReturn(
            new CredentialValidationResult(
                new SignInPrincipal("feed", SignIn.key(5, null)), Set.of("viewer")));

    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));

    assertEquals(Optional.of(SignIn.key(5, null)), handshakes.find("tq_secret"));
  }

  @Test
  void aTicketCarriesItsCallersSignInToTheFeed() throws Exception {
    WsHandshakes handshakes = new WsHandshakes();
    mechanism.handshakes = handshakes;
    mechanism.tickets = ticketFor(SignIn.jwt(Instant.parse("2030-01-01T00:00:00Z")).encode());
    onTheFeedWithTicket("tq_ticket");

    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));

    assertEquals(
        Optional.of(SignIn.jwt(Instant.parse("2030-01-01T00:00:00Z"))),
        handshakes.find("tq_ticket"));
  }

  @Test
  void aTicketThatDoesNotSayHowItsCallerSignedInIsRefused() throws Exception {
    mechanism.handshakes = new WsHandshakes();
    mechanism.tickets = ticketFor("");
    onTheFeedWithTicket("tq_ticket");

    assertEquals(
        AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
    verify(response).setStatus(401);
  }

  @Test
  void theWebSocketTicketRemembersTheSignInOfTheRequestThatAskedForIt() throws Exception {
    named("ci");
    mechanism.validateRequest(request, response, context);
    verify(request, never()).setAttribute(eq(Callers.SIGN_IN), any());

    when(stores.validate(any()))
        .thenReturn(
            new CredentialValidationResult(
                new SignInPrincipal("ci", SignIn.key(9, null)), Set.of("viewer")));
    mechanism.validateRequest(request, response, context);
    verify(request).setAttribute(Callers.SIGN_IN, SignIn.key(9, null));
  }

  @Test
  void theApplicationsOwnPathsAreSignedInByItsOwnMechanismWhateverTheHeader() throws Exception {
    HttpAuthenticationMechanism shops = mock(HttpAuthenticationMechanism.class);
    when(shops.validateRequest(request, response, context))
        .thenReturn(AuthenticationStatus.SEND_CONTINUE);
    mechanism.host = hostMechanism(shops);
    when(request.getRequestURI()).thenReturn("/shop/orders");

    assertEquals(
        AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context));
    verify(stores, never()).validate(any());
    verify(response, never()).setStatus(401);

    when(request.getRequestURI()).thenReturn("/api/jobs");
    named("ci");
    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    verify(shops, times(1)).validateRequest(any(), any(), any());
  }

  @Test
  void aConsoleMovedToASubPathLeavesTheRootToTheApplication() throws Exception {
    HttpAuthenticationMechanism shops = mock(HttpAuthenticationMechanism.class);
    when(shops.validateRequest(request, response, context))
        .thenReturn(AuthenticationStatus.SEND_CONTINUE);
    mechanism.host = hostMechanism(shops);
    when(servletContext.getAttribute(ConsolePath.ATTRIBUTE))
        .thenReturn(ConsolePath.parse("/admin/jobs"));
    when(request.getHeader("Authorization")).thenReturn(null);

    when(request.getRequestURI()).thenReturn("/index.html");
    assertEquals(
        AuthenticationStatus.SEND_CONTINUE, mechanism.validateRequest(request, response, context));
    when(request.getRequestURI()).thenReturn("/admin/jobs/assets/index-1.js");
    mechanism.validateRequest(request, response, context);

    verify(shops, times(1)).validateRequest(any(), any(), any());
    verify(context).doNothing();
    verify(response, never()).setStatus(401);
  }

  @Test
  void withoutAnApplicationMechanismItsPathsStayAnonymousAndAreNeverRefused() throws Exception {
    mechanism.host = hostMechanism(null);
    when(request.getRequestURI()).thenReturn("/shop/orders");
    when(request.getHeader("Authorization")).thenReturn("Bearer the-shops-own-token");

    mechanism.validateRequest(request, response, context);

    verify(context).doNothing();
    verify(stores, never()).validate(any());
    verify(response, never()).setStatus(401);
  }

  @Test
  void metricsAndOpenApiAreOpenUnlessARoleIsConfiguredAndHealthStaysOpenForProbes()
      throws Exception {
    when(request.getHeader("Authorization")).thenReturn(null);
    when(request.getRequestURI()).thenReturn("/metrics");
    mechanism.validateRequest(request, response, context);
    verify(response, never()).setStatus(401);

    mechanism.serverEndpoints = endpoints("viewer", "admin");
    assertEquals(
        AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
    verify(response).setStatus(401);
    assertTrue(body.text().contains("taskqueue.metrics.role"), body.text());

    when(request.getRequestURI()).thenReturn("/health/ready");
    mechanism.validateRequest(request, response, context);
    verify(context, times(2)).doNothing();
  }

  @Test
  void aConfiguredRoleAdmitsItsHoldersAndRefusesOthersWith403() throws Exception {
    mechanism.serverEndpoints = endpoints("viewer", "admin");
    when(request.getRequestURI()).thenReturn("/metrics/base");
    named("prometheus"); // viewer and submitter
    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));

    when(request.getRequestURI()).thenReturn("/openapi");
    assertEquals(
        AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
    verify(response).setStatus(403);
    assertTrue(body.text().contains("taskqueue.openapi.role"), body.text());
  }

  @Test
  void aRoleNameThatIsNoRoleRefusesEveryone() throws Exception {
    mechanism.serverEndpoints = endpoints("superuser", null);
    when(request.getRequestURI()).thenReturn("/metrics");
    named("prometheus");
    assertEquals(
        AuthenticationStatus.SEND_FAILURE, mechanism.validateRequest(request, response, context));
    verify(response).setStatus(403);
  }

  private static ServerEndpointAccess endpoints(String metricsRole, String openapiRole) {
    ServerEndpointAccess access = new ServerEndpointAccess();
    access.metricsRole = Optional.ofNullable(metricsRole);
    access.openapiRole = Optional.ofNullable(openapiRole);
    return access;
  }

  @SuppressWarnings("unchecked")
  private static Instance<HttpAuthenticationMechanism> hostMechanism(
      HttpAuthenticationMechanism mechanism) {
    Instance<HttpAuthenticationMechanism> host = mock(Instance.class);
    when(host.isResolvable()).thenReturn(mechanism != null);
    when(host.get()).thenReturn(mechanism);
    return host;
  }

  private void onTheFeedWithTicket(String ticket) {
    when(request.getRequestURI()).thenReturn("/ws/events");
    when(request.getHeader("Authorization")).thenReturn(null);
    when(request.getParameter("ticket")).thenReturn(ticket);
  }

  private static WsTickets ticketFor(String credential) {
    WsTickets tickets = mock(WsTickets.class);
    when(tickets.redeem(anyString()))
        .thenReturn(
            Optional.of(
                new WsTickets.Redeemed(
                    Caller.of("console", List.of(Role.VIEWER), "key"), credential)));
    return tickets;
  }

  private void named(String name) {
    when(stores.validate(any()))
        .thenReturn(new CredentialValidationResult(name, Set.of("viewer", "submitter")));
  }
}
