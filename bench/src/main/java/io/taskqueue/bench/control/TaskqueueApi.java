package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.QueueSnapshot;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The parts of the taskqueue HTTP API the bench uses, over one shared HTTP/1.1 client (the protocol
 * real submitters use; HTTP/2 would multiplex and hide connection costs).
 */
public final class TaskqueueApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final URI base;
  private final String authorization;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public TaskqueueApi(URI base, String key) {
    this.base = base;
    this.authorization = "Bearer " + key;
  }

  /** A pool of {@code connections} blocking keep-alive connections for closed-loop POSTs. */
  PooledPoster poster(int connections) {
    return new PooledPoster(base, authorization, connections);
  }

  /** POSTs a JSON body; throws {@link RateLimitedException} on 429. */
  public HttpResponse<String> post(String path, String body)
      throws IOException, InterruptedException {
    return checked(path, http.send(request(path, body), BodyHandlers.ofString()));
  }

  /** The asynchronous {@link #post}, for senders that must not wait for the answer. */
  public CompletableFuture<HttpResponse<String>> postAsync(String path, String body) {
    return http.sendAsync(request(path, body), BodyHandlers.ofString())
        .thenApply(response -> checked(path, response));
  }

  /** GETs a text resource ({@code /metrics}); anything but 200 is an error. */
  public String text(String path) throws IOException, InterruptedException {
    return expectOk("GET " + path, authorized(path).GET());
  }

  /** PUTs a JSON body; anything but 200 is an error. */
  public JsonObject put(String path, String body) throws IOException, InterruptedException {
    return parse(
        expectOk(
            "PUT " + path,
            authorized(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** DELETEs a resource; anything but 2xx or 404 is an error. */
  public void delete(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(authorized(path).DELETE().build(), BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
      throw new IOException(describe("DELETE " + path, response));
    }
  }

  /** GETs a JSON object; anything but 200 is an error. */
  public JsonObject get(String pathAndQuery) throws IOException, InterruptedException {
    return parse(
        expectOk(
            "GET " + pathAndQuery,
            authorized(pathAndQuery).header("Accept", "application/json").GET()));
  }

  private HttpRequest.Builder authorized(String pathAndQuery) {
    return HttpRequest.newBuilder(base.resolve(pathAndQuery))
        .timeout(TIMEOUT)
        .header("Authorization", authorization);
  }

  /** Sends the request and returns the body of its 200 answer; anything else is an error. */
  private String expectOk(String what, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(describe(what, response));
    }
    return response.body();
  }

  public QueueSnapshot queues() throws IOException, InterruptedException {
    JsonObject queues = get("/api/queues");
    return new QueueSnapshot(
        counts(queues.getJsonObject("waiting")),
        counts(queues.getJsonObject("statuses")),
        queues.getJsonArray("paused").getValuesAs(JsonString.class).stream()
            .map(JsonString::getString)
            .toList());
  }

  public void pause(String priority) throws IOException, InterruptedException {
    expect(200, "/api/queues/" + priority + "/pause");
  }

  public void resume(String priority) throws IOException, InterruptedException {
    expect(200, "/api/queues/" + priority + "/resume");
  }

  public static JsonObject parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** The status and the start of the body, enough to see why a request was refused. */
  public static String describe(String what, HttpResponse<String> response) {
    return describe(what, response.statusCode(), response.body());
  }

  static String describe(String what, int status, String body) {
    String text = body == null ? "" : body.strip();
    return what
        + " answered "
        + status
        + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(300, text.length())));
  }

  private void expect(int status, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = post(path, "");
    if (response.statusCode() != status) {
      throw new IOException(describe("POST " + path, response));
    }
  }

  private HttpRequest request(String path, String body) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(TIMEOUT)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static HttpResponse<String> checked(String path, HttpResponse<String> response) {
    if (response.statusCode() == 429) {
      throw new RateLimitedException(path);
    }
    return response;
  }

  private static Map<String, Long> counts(JsonObject object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    object.forEach((name, value) -> counts.put(name, ((JsonNumber) value).longValue()));
    return counts;
  }
}
