package io.taskqueue.faults.chaos;

import io.taskqueue.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Calls a node's API on 127.0.0.1 with the admin key. Short timeouts, since a frozen node accepts
 * connections and never answers; a failure is a status of -1, never an exception, because the soak
 * expects failures and counts them. Every answer of 500 or above other than 503 is kept with its
 * time, node and body: the soak promises none, and one that comes must be explainable.
 */
final class ChaosHttp {

  private static final int BODY_SHOWN = 300;

  /** What a call got: an HTTP status (or -1 when none came) and the body or the error. */
  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Supplier<String> clock;
  private final List<String> serverErrors = new CopyOnWriteArrayList<>();

  /** {@code clock} says when, as the soak's report does. */
  ChaosHttp(Supplier<String> clock) {
    this.clock = clock;
  }

  /** Every 5xx other than 503, as {@code t+12.3s port 8181 POST /api/... -> 500 <body>}. */
  List<String> serverErrors() {
    return List.copyOf(serverErrors);
  }

  Reply post(int port, String path, String json) {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + Api.ADMIN_KEY)
                  .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 500 && response.statusCode() != 503) {
        String body = response.body() == null ? "" : response.body();
        serverErrors.add(
            String.format(
                "%s port %d POST %s -> %d %s",
                clock.get(),
                port,
                path,
                response.statusCode(),
                body.isEmpty()
                    ? "(empty body)"
                    : body.substring(0, Math.min(BODY_SHOWN, body.length()))));
      }
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(-1, "interrupted");
    } catch (Exception e) {
      return new Reply(-1, e.getClass().getSimpleName());
    }
  }
}
