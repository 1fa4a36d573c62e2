package io.taskqueue.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small HTTP client for the API under test, always on 127.0.0.1, sending an API key (the
 * bootstrap admin key the test servers are configured with, unless told otherwise).
 */
public final class Api {

  /** The test servers' {@code taskqueue.admin.key}: a test fixture, not a secret. */
  public static final String ADMIN_KEY = "tq_integration-tests-admin-key";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;
  private final String authorization;

  public Api(URL deployment) {
    this(base(deployment), "Bearer " + ADMIN_KEY);
  }

  private Api(URI base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  private static URI base(URL deployment) {
    String path =
        deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
    return URI.create("http://127.0.0.1:" + deployment.getPort() + path);
  }

  /** The same API called with {@code key} (any bearer secret), or anonymously when null. */
  public Api as(String key) {
    return new Api(base, key == null ? null : "Bearer " + key);
  }

  /** The same API called with this {@code Authorization} header, such as an application's Basic. */
  public Api authorizedBy(String authorization) {
    return new Api(base, authorization);
  }

  public record Reply(
      int status, String contentType, String body, Map<String, List<String>> headers) {

    public String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream()
          .findFirst()
          .orElse(null);
    }

    public JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    public JsonValue jsonValue() {
      return Json.createReader(new StringReader(body)).readValue();
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET());
  }

  /** A GET of a path at the server's root, outside the application, such as {@code /health}. */
  public Reply getFromRoot(String absolutePath) {
    return send(HttpRequest.newBuilder(base.resolve(absolutePath)).GET());
  }

  public Reply post(String path, String body) {
    return post(path, "application/json", body);
  }

  public Reply post(String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply getWithHeader(String path, String header, String value) {
    return send(HttpRequest.newBuilder(resolve(path)).header(header, value).GET());
  }

  public Reply postWithHeader(String path, String body, String header, String value) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .header(header, value)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).DELETE());
  }

  /** Any method, with a JSON body or none. */
  public Reply call(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST of raw bytes, such as a body that is not valid UTF-8. */
  public Reply postBytes(String path, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(resolve(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      Map<String, List<String>> headers = new HashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
