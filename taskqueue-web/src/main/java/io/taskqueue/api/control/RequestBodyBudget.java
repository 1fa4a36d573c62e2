package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the request bodies a node holds at once. Each body is read whole before it is parsed
 * ({@link RequestBodyLimits}), and its parsed form takes about as much again: 50 callers each
 * sending 16 MiB would otherwise need more than a gigabyte. A request with a body reserves its
 * {@code Content-Length} (the most a body may have, when it is chunked) from {@code
 * taskqueue.api.max-buffered-request-bytes} until its answer is written; one that cannot within 2 s
 * is answered 503 with {@code Retry-After}, its body unread.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodyBudget extends HttpFilter {

  private static final long serialVersionUID = 1L;

  /** How long a request waits for room before it is turned away. */
  long waitMillis = 2_000;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-request-bytes", defaultValue = "16777216")
  long maxBodyBytes;

  @Inject
  @ConfigProperty(name = "taskqueue.api.max-buffered-request-bytes", defaultValue = "67108864")
  long maxBufferedBytes;

  private Semaphore room;

  @Override
  public void init() {
    // Permits count KiB, so that the budget fits an int whatever it is configured to.
    room = new Semaphore(kib(maxBufferedBytes), true);
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long length = request.getContentLengthLong();
    boolean hasBody = length > 0 || (length < 0 && request.getHeader("Transfer-Encoding") != null);
    if (!hasBody) {
      chain.doFilter(request, response);
      return;
    }
    // A body over the limit is refused by RequestBodyLimits as it is read: reserve the limit.
    int permits =
        Math.min(
            kib(Math.min(length < 0 ? maxBodyBytes : length, maxBodyBytes)), kib(maxBufferedBytes));
    boolean reserved;
    try {
      reserved = room.tryAcquire(Math.max(1, permits), waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reserved = false;
    }
    if (!reserved) {
      ProblemWriter.write(
          response,
          new Problem(
              "urn:taskqueue:problem:busy",
              "Busy",
              503,
              "This node is reading as many request bodies as it holds at once ("
                  + maxBufferedBytes
                  + " bytes); retry shortly."));
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      room.release(Math.max(1, permits));
    }
  }

  private static int kib(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) / 1024);
  }
}
