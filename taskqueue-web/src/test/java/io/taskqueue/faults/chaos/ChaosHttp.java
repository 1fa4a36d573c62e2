package io.taskqueue.faults.chaos;

import io.taskqueue.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Calls a node's API on 127.0.0.1 with the admin key. Short timeouts, since a frozen node accepts
 * connections and never answers; a failure is a status of -1, never an exception, because the soak
 * expects failures and counts them.
 */
final class ChaosHttp {

  /** What a call got: an HTTP status (or -1 when none came) and the body or the error. */
  record Reply(int status, String body) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

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
      return new Reply(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(-1, "interrupted");
    } catch (Exception e) {
      return new Reply(-1, e.getClass().getSimpleName());
    }
  }
}
