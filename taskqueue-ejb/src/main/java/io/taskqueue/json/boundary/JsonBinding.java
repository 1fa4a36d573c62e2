package io.taskqueue.json.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.Optional;

/**
 * Maps application objects to JSON and back with JSON-B, for payloads and results given as records
 * or beans. One {@link Jsonb} for the application: it is thread-safe and costly to build.
 */
public final class JsonBinding {

  /** Built on first use: a JSON-P value never needs it. */
  private static final class Holder {
    static final Jsonb JSONB = JsonbBuilder.create();
  }

  private JsonBinding() {}

  /** {@code value} as JSON text: JSON-P values as they are, anything else through JSON-B. */
  public static String toJsonText(Object value) {
    return value instanceof JsonValue json ? json.toString() : Holder.JSONB.toJson(value);
  }

  /** {@code value} as a JSON object, or empty when it does not map to one. */
  public static Optional<JsonObject> toJsonObject(Object value) {
    if (value instanceof JsonObject object) {
      return Optional.of(object);
    }
    if (value instanceof JsonValue) {
      return Optional.empty();
    }
    JsonValue json = JsonText.readValue(Holder.JSONB.toJson(value));
    return json instanceof JsonObject object ? Optional.of(object) : Optional.empty();
  }

  /** {@code json} as an instance of {@code type}; throws {@link JsonbException} when it cannot. */
  public static <T> T fromJson(JsonObject json, Class<T> type) {
    return Holder.JSONB.fromJson(json.toString(), type);
  }
}
