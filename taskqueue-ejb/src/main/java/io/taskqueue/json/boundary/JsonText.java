package io.taskqueue.json.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.StringReader;

/**
 * Reads and builds JSON through one provider, found once. The static {@code jakarta.json.Json}
 * methods look the provider up on every call (a service-loader scan of the class path): profiled,
 * that scan was a fifth of a worker's time on short jobs.
 */
public final class JsonText {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private JsonText() {}

  public static JsonObject readObject(String text) {
    try (var reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  public static JsonValue readValue(String text) {
    try (var reader = PROVIDER.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  public static JsonParser parser(InputStream in) {
    return PROVIDER.createParser(in);
  }

  public static JsonObjectBuilder objectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonProvider provider() {
    return PROVIDER;
  }
}
