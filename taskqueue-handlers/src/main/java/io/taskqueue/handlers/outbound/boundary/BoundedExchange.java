package io.taskqueue.handlers.outbound.boundary;

import io.taskqueue.NonRetryableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request and reads its response within one deadline. {@link HttpRequest#timeout()} only
 * bounds the wait for the response headers; a server that then trickles or stalls the body would
 * hold the worker for ever. Here the deadline covers headers and body, and running out of it aborts
 * the exchange.
 */
public final class BoundedExchange {

  private BoundedExchange() {}

  /**
   * Sends the request and waits for the whole response, at most {@code deadline}.
   *
   * @param <T> the body type
   * @param client the client to send with
   * @param request the request
   * @param handler reads the body (it should bound what it keeps)
   * @param deadline the longest the exchange may take, connecting included
   * @return the response
   * @throws RetryableRemoteException when the connection fails or the deadline passes
   * @throws NonRetryableException when the body handler refused the body for good
   * @throws InterruptedException when the worker is interrupted (the job was cancelled); the
   *     exchange is aborted
   */
  /**
   * A client for outbound calls: never follows a redirect (a 3xx is the caller's to judge, so that
   * no allow-list is left behind by a hop to another host).
   *
   * @param connectTimeout how long to wait for a connection
   * @return the client
   */
  public static HttpClient noRedirects(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .connectTimeout(connectTimeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  public static <T> HttpResponse<T> send(
      HttpClient client,
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      Duration deadline)
      throws RetryableRemoteException, NonRetryableException, InterruptedException {
    String where = request.method() + " " + request.uri().getHost();
    CompletableFuture<HttpResponse<T>> exchange = client.sendAsync(request, handler);
    try {
      return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new RetryableRemoteException(where + ": no complete answer within " + deadline, e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CompletionException wrapped && wrapped.getCause() != null) {
        cause = wrapped.getCause();
      }
      if (cause instanceof NonRetryableException refused) {
        throw refused;
      }
      if (cause instanceof IOException) {
        throw new RetryableRemoteException(where + " failed: " + cause, cause);
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new RetryableRemoteException(where + " failed: " + cause, cause);
    }
  }
}
