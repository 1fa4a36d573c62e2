package io.taskqueue.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.support.CapturedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UnhandledErrorsTest {

  private final UnhandledErrors filter = new UnhandledErrors();
  private final HttpServletRequest request = mock(HttpServletRequest.class);
  private final HttpServletResponse response = mock(HttpServletResponse.class);
  private final FilterChain chain = mock(FilterChain.class);
  private final CapturedBody body = new CapturedBody();

  UnhandledErrorsTest() throws Exception {
    when(response.getOutputStream()).thenReturn(body);
  }

  @Test
  void anOutageThatReachesTheContainerIsA503ProblemWithRetryAfter() throws Exception {
    doThrow(
            new ServletException(
                new IllegalStateException(
                    "Could not store 3 job(s)",
                    new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))))
        .when(chain)
        .doFilter(any(), any());

    filter.doFilter(request, response, chain);

    verify(response).setStatus(503);
    verify(response).setHeader("Retry-After", "5");
    verify(response).setContentType("application/problem+json");
    assertTrue(body.text().contains("\"status\":503"));
  }

  @Test
  void anythingElseIsA500ProblemWithAnIncidentNeverTheServersPage() throws Exception {
    doThrow(new ServletException(new IllegalStateException("secret internals")))
        .when(chain)
        .doFilter(any(), any());

    filter.doFilter(request, response, chain);

    verify(response).setStatus(500);
    verify(response).setContentType("application/problem+json");
    String problem = body.text();
    assertTrue(problem.matches(".*incident [0-9a-f-]{36} is in its log.*"), problem);
    assertFalse(problem.contains("secret internals"), problem);
  }

  @Test
  void anAnswerAlreadyUnderWayIsLeftAlone() throws Exception {
    ServletException failure = new ServletException("late");
    doThrow(failure).when(chain).doFilter(any(), any());
    when(response.isCommitted()).thenReturn(true);

    assertSame(
        failure,
        assertThrows(ServletException.class, () -> filter.doFilter(request, response, chain)));
    verify(response, never()).setStatus(500);
    assertEquals(0, body.size());
  }
}
