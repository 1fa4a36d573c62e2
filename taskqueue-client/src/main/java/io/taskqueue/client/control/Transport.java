package io.taskqueue.client.control;

import io.taskqueue.client.CallObserver;
import io.taskqueue.client.ConflictException;
import io.taskqueue.client.ForbiddenException;
import io.taskqueue.client.InvalidRequestException;
import io.taskqueue.client.NotFoundException;
import io.taskqueue.client.RateLimitedException;
import io.taskqueue.client.TaskQueueException;
import io.taskqueue.client.UnauthorizedException;
import io.taskqueue.client.UnavailableException;
import io.taskqueue.client.entity.Problem;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Sends calls over the JDK's {@link HttpClient}: JSON-B both ways, the credentials on every
 * request, retries as {@link Retries} allow, and every refusal as a typed {@link
 * TaskQueueException}.
 */
public final class Transport {

  private final URI base;
  private final Supplier<String> authorization;
  private final HttpClient http;
  private final Jsonb jsonb;
  private final Retries retries;
  private final Duration requestTimeout;
  private final CallObserver observer;

  public Transport(
      URI base,
      Supplier<String> authorization,
      HttpClient http,
      Jsonb jsonb,
      Retries retries,
      Duration requestTimeout,
      CallObserver observer) {
    this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.authorization = authorization;
    this.http = http;
    this.jsonb = jsonb;
    this.retries = retries;
    this.requestTimeout = requestTimeout;
    this.observer = observer;
  }

  /** The application's base address, ending in {@code /}. */
  public URI base() {
    return base;
  }

  /** The {@code Authorization} header value to send now, or null. */
  public String authorization() {
    return authorization.get();
  }

  public HttpClient http() {
    return http;
  }

  public Jsonb jsonb() {
    return jsonb;
  }

  /** Sends {@code call} and reads its answer as {@code answer} (null for {@code Void}). */
  public <T> T send(Call call, Class<T> answer) {
    return send(call, (Type) answer);
  }

  /** Sends {@code call} and reads its answer as the generic type {@code answer}. */
  public <T> T send(Call call, Type answer) {
    HttpRequest request = request(call);
    for (int attempt = 1; ; attempt++) {
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        observer.exchanged(call.operationId(), 0, since(start));
        boolean unsent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        if ((unsent || call.repeatable()) && retries.allowAfter(attempt)) {
          pause(retries.delayAfter(attempt, null));
          continue;
        }
        throw new UnavailableException(
            "No answer from " + request.uri() + " after " + attempt + " attempt(s): " + e,
            0,
            null,
            null,
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TaskQueueException("Interrupted while calling " + request.uri(), 0, null, e);
      }
      int status = response.statusCode();
      observer.exchanged(call.operationId(), status, since(start));
      if (status >= 200 && status < 300) {
        return answer == Void.class || response.body().isEmpty()
            ? null
            : jsonb.fromJson(response.body(), answer);
      }
      Duration retryAfter = retryAfter(response);
      if ((status == 429 || status == 503) && retries.allowAfter(attempt)) {
        pause(retries.delayAfter(attempt, retryAfter));
        continue;
      }
      throw refusal(request, status, problem(response), retryAfter);
    }
  }

  private HttpRequest request(Call call) {
    String query =
        call.query().entrySet().stream()
            .map(q -> encode(q.getKey()) + "=" + encode(q.getValue()))
            .collect(Collectors.joining("&"));
    URI uri = base.resolve(call.path() + (query.isEmpty() ? "" : "?" + query));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", "taskqueue-client");
    String credentials = authorization.get();
    if (credentials != null) {
      builder.header("Authorization", credentials);
    }
    call.headers().forEach(builder::header);
    if (call.body() == null) {
      builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(
              call.method(),
              HttpRequest.BodyPublishers.ofString(
                  jsonb.toJson(call.body()), StandardCharsets.UTF_8));
    }
    return builder.build();
  }

  private Problem problem(HttpResponse<String> response) {
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json") && !type.startsWith("application/json")) {
      return null;
    }
    try {
      return jsonb.fromJson(response.body(), Problem.class);
    } catch (JsonbException e) {
      return null;
    }
  }

  private static TaskQueueException refusal(
      HttpRequest request, int status, Problem problem, Duration retryAfter) {
    String message =
        request.method()
            + " "
            + request.uri().getPath()
            + ": "
            + status
            + (problem == null ? "" : " " + problem.title() + ": " + problem.detail());
    return switch (status) {
      case 400, 413, 415, 422 -> new InvalidRequestException(message, status, problem);
      case 401 -> new UnauthorizedException(message, status, problem);
      case 403 -> new ForbiddenException(message, status, problem);
      case 404 -> new NotFoundException(message, status, problem);
      case 409 -> new ConflictException(message, status, problem);
      case 429 -> new RateLimitedException(message, problem, retryAfter);
      case 502, 503, 504 -> new UnavailableException(message, status, problem, retryAfter, null);
      default -> new TaskQueueException(message, status, problem, null);
    };
  }

  /** {@code Retry-After} in seconds (the server never sends a date), or null. */
  private static Duration retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .filter(value -> value.matches("\\d{1,6}"))
        .map(value -> Duration.ofSeconds(Long.parseLong(value)))
        .orElse(null);
  }

  private static void pause(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskQueueException("Interrupted while waiting to retry", 0, null, e);
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The path segment {@code value}, encoded. */
  public static String segment(Object value) {
    return encode(String.valueOf(value));
  }
}
