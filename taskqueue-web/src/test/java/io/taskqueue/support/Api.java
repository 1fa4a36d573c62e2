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

/** A small HTTP client for the API under test, always on 127.0.0.1. */
public final class Api {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public Api(URL deployment) {
    String path =
        deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
    this.base = URI.create("http://127.0.0.1:" + deployment.getPort() + path);
  }

  public record Reply(int status, String contentType, String body) {
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

  private URI resolve(String path) {
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
