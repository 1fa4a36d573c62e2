package io.taskqueue.api.control;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.support.CapturedBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RequestBodyBudgetTest {

  private static final long MIB = 1024 * 1024;

  private final RequestBodyBudget budget = new RequestBodyBudget();

  RequestBodyBudgetTest() {
    budget.maxBodyBytes = 16 * MIB;
    budget.maxBufferedBytes = 20 * MIB;
    budget.waitMillis = 200;
    budget.init();
  }

  @Test
  void bodiesBeyondTheBudgetWaitThenGet503UntilRoomIsFreed() throws Exception {
    Held first = holding(request(16 * MIB));

    HttpServletResponse refused = mock(HttpServletResponse.class);
    CapturedBody problem = new CapturedBody();
    when(refused.getOutputStream()).thenReturn(problem);
    FilterChain never = mock(FilterChain.class);
    budget.doFilter(request(8 * MIB), refused, never);
    verify(refused).setStatus(503);
    verify(refused).setHeader("Retry-After", "5");
    verify(never, never()).doFilter(any(), any());
    assertTrue(problem.text().contains("urn:taskqueue:problem:busy"), problem.text());

    // Small bodies still fit beside the big one, and requests without a body never wait.
    FilterChain passes = mock(FilterChain.class);
    budget.doFilter(request(MIB), mock(HttpServletResponse.class), passes);
    budget.doFilter(request(0), mock(HttpServletResponse.class), passes);
    verify(passes, org.mockito.Mockito.times(2)).doFilter(any(), any());

    first.release();
    FilterChain afterwards = mock(FilterChain.class);
    budget.doFilter(request(16 * MIB), mock(HttpServletResponse.class), afterwards);
    verify(afterwards).doFilter(any(), any());
  }

  @Test
  void aChunkedBodyReservesTheMostABodyMayHave() throws Exception {
    HttpServletRequest chunked = request(-1);
    when(chunked.getHeader("Transfer-Encoding")).thenReturn("chunked");
    Held first = holding(chunked);

    HttpServletResponse refused = mock(HttpServletResponse.class);
    when(refused.getOutputStream()).thenReturn(new CapturedBody());
    budget.doFilter(request(5 * MIB), refused, mock(FilterChain.class));
    verify(refused).setStatus(503);
    first.release();
  }

  @Test
  void utf8IsCheckedAcrossChunkBoundariesWithoutACopyOfTheBody() {
    String text = "é".repeat(5000) + "😀".repeat(3000); // multi-byte characters over 8 KiB edges
    assertTrue(RequestBodyLimits.isUtf8(text.getBytes(StandardCharsets.UTF_8)));
    byte[] truncated = "😀".getBytes(StandardCharsets.UTF_8);
    assertFalse(RequestBodyLimits.isUtf8(java.util.Arrays.copyOf(truncated, 3)));
    byte[] malformed = text.getBytes(StandardCharsets.UTF_8);
    malformed[9000] = (byte) 0xff;
    assertFalse(RequestBodyLimits.isUtf8(malformed));
    assertEquals(true, RequestBodyLimits.isUtf8(new byte[0]));
  }

  /** A request that holds its reservation until released. */
  private record Held(CountDownLatch latch, CompletableFuture<Void> done) {
    void release() throws Exception {
      latch.countDown();
      done.get(10, SECONDS);
    }
  }

  private Held holding(HttpServletRequest request) throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FilterChain slow = mock(FilterChain.class);
    doAnswer(
            call -> {
              holding.countDown();
              release.await(10, SECONDS);
              return null;
            })
        .when(slow)
        .doFilter(any(), any());
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(() -> pass(request, mock(HttpServletResponse.class), slow));
    assertTrue(holding.await(10, SECONDS));
    return new Held(release, done);
  }

  private void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
    try {
      budget.doFilter(request, response, chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServletRequest request(long length) {
    HttpServletRequest request = mock(HttpServletRequest.class);
    when(request.getContentLengthLong()).thenReturn(length);
    return request;
  }
}
