package io.taskqueue.handlers.testing;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Test payloads from JSON text (single quotes for double ones, to keep tests readable). */
public final class Json {

  private Json() {}

  public static JsonObject object(String json) {
    return jakarta.json.Json.createReader(new StringReader(json.replace('\'', '"'))).readObject();
  }

  public static JsonValue value(String json) {
    return jakarta.json.Json.createReader(new StringReader(json.replace('\'', '"'))).readValue();
  }
}
