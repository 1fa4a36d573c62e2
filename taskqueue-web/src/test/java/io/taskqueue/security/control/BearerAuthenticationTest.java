package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import jakarta.persistence.PersistenceException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BearerAuthenticationTest {

  private final BearerAuthentication mechanism = new BearerAuthentication();
  private final IdentityStoreHandler stores = mock(IdentityStoreHandler.class);
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final HttpServletResponse response = mock(HttpServletResponse.class);
  private final HttpMessageContext context = mock(HttpMessageContext.class);
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  BearerAuthenticationTest() throws Exception {
    mechanism.identityStores = stores;
    when(request.getRequestURI()).thenReturn("/api/jobs");
    when(request.getContextPath()).thenReturn("");
    when(request.getHeader("Authorization")).thenReturn("Bearer tq_secret");
    when(response.getOutputStream())
        .thenReturn(
            new ServletOutputStream() {
              @Override
              public void write(int b) {
                body.write(b);
              }

              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {}
            });
    when(context.notifyContainerAboutLogin(anyString(), any()))
        .thenReturn(AuthenticationStatus.SUCCESS);
    when(context.notifyContainerAboutLogin(any(java.security.Principal.class), any()))
        .thenReturn(AuthenticationStatus.SUCCESS);
  }

  @Test
  void aCallerNameTooLongForTheColumnsIsRefusedWith401() {
    named("a".repeat(Callers.MAX_NAME_LENGTH + 1));

    AuthenticationStatus status = mechanism.validateRequest(request, response, context);

    assertEquals(AuthenticationStatus.SEND_FAILURE, status);
    verify(response).setStatus(401);
    assertTrue(body.toString(StandardCharsets.UTF_8).contains("longer than"));
    verify(request, never()).setAttribute(eq(Callers.ATTRIBUTE), any());
  }

  @Test
  void aCallerNameAtTheLimitIsAdmitted() {
    named("a".repeat(Callers.MAX_NAME_LENGTH));

    assertEquals(
        AuthenticationStatus.SUCCESS, mechanism.validateRequest(request, response, context));
    verify(request).setAttribute(eq(Callers.ATTRIBUTE), any());
  }

  @Test
  void theLongestCallerIdFitsTheVarchar200Columns() {
    assertTrue(("jwt:" + "a".repeat(Callers.MAX_NAME_LENGTH)).length() <= 200);
  }

  @Test
  void aKeyLookupDuringAStorageOutageAnswers503WithRetryAfter() {
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

  private void named(String name) {
    when(stores.validate(any()))
        .thenReturn(new CredentialValidationResult(name, Set.of("viewer", "submitter")));
  }
}
