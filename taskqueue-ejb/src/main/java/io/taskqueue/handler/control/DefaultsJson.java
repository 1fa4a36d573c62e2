package io.taskqueue.handler.control;

import io.taskqueue.Backoff;
import io.taskqueue.JobDefaults;
import io.taskqueue.Priority;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;

/**
 * A handler's {@link JobDefaults} as the type registry stores them: a JSON object with {@code
 * priority}, {@code maxAttempts}, {@code backoff} ({@code initialMs}, {@code multiplier}, {@code
 * maxMs}, {@code jitter}) and {@code timeoutMs}, each left out when the handler leaves it open.
 */
public final class DefaultsJson {

  private DefaultsJson() {}

  public static String write(JobDefaults defaults) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    if (defaults.priority() != null) {
      json.add("priority", defaults.priority().name());
    }
    if (defaults.maxAttempts() != null) {
      json.add("maxAttempts", defaults.maxAttempts());
    }
    Backoff backoff = defaults.backoff();
    if (backoff != null) {
      JsonObjectBuilder b = Json.createObjectBuilder();
      if (backoff.initial() != null) {
        b.add("initialMs", backoff.initial().toMillis());
      }
      if (backoff.multiplier() != null) {
        b.add("multiplier", backoff.multiplier());
      }
      if (backoff.max() != null) {
        b.add("maxMs", backoff.max().toMillis());
      }
      if (backoff.jitter() != null) {
        b.add("jitter", backoff.jitter());
      }
      json.add("backoff", b);
    }
    if (defaults.timeout() != null) {
      json.add("timeoutMs", defaults.timeout().toMillis());
    }
    return json.build().toString();
  }

  public static JobDefaults read(String text) {
    JsonObject json;
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      json = reader.readObject();
    }
    JsonObject b = json.getJsonObject("backoff");
    return new JobDefaults(
        json.containsKey("priority") ? Priority.valueOf(json.getString("priority")) : null,
        json.containsKey("maxAttempts") ? json.getInt("maxAttempts") : null,
        b == null
            ? null
            : new Backoff(
                millis(b, "initialMs"),
                number(b, "multiplier"),
                millis(b, "maxMs"),
                number(b, "jitter")),
        millis(json, "timeoutMs"));
  }

  private static Duration millis(JsonObject json, String key) {
    return json.containsKey(key) ? Duration.ofMillis(json.getJsonNumber(key).longValue()) : null;
  }

  private static Double number(JsonObject json, String key) {
    JsonNumber n = json.getJsonNumber(key);
    return n == null ? null : n.doubleValue();
  }
}
