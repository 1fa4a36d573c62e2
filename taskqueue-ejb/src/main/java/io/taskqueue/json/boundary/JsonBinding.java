package io.taskqueue.json.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonGenerator;
import java.io.Writer;
import java.lang.reflect.Type;
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

  /**
   * {@code value} as JSON text of at most {@code maxBytes} UTF-8 bytes, or empty when it is longer.
   * Writing stops as soon as the text passes the limit: a handler's oversized result costs no more
   * memory than the limit, however large the object it returned would be as text.
   */
  public static Optional<String> toJsonText(Object value, int maxBytes) {
    CappedWriter out = new CappedWriter(maxBytes);
    try {
      if (value instanceof JsonValue json) {
        try (JsonGenerator generator = Json.createGenerator(out)) {
          generator.write(json);
        }
      } else {
        Holder.JSONB.toJson(value, out);
      }
    } catch (RuntimeException e) {
      if (CappedWriter.isFull(e)) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(out.text());
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

  /** {@code json} as an instance of a type that may be generic ({@code List<Order>}). */
  public static <T> T fromJson(JsonObject json, Type type) {
    return Holder.JSONB.fromJson(json.toString(), type);
  }

  /** Keeps what is written, and throws once it is more than its limit in UTF-8 bytes. */
  private static final class CappedWriter extends Writer {

    /** Thrown through the serialiser, which may wrap it; found again by {@link #isFull}. */
    private static final class Full extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Full() {
        super("over the limit", null, false, false);
      }
    }

    private final StringBuilder text = new StringBuilder();
    private final long maxBytes;
    private long bytes;

    CappedWriter(long maxBytes) {
      this.maxBytes = maxBytes;
    }

    static boolean isFull(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
        if (t instanceof Full) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        char c = chars[i];
        // A surrogate pair is 4 bytes: 2 counted for each half.
        bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
      }
      if (bytes > maxBytes) {
        throw new Full();
      }
      text.append(chars, offset, length);
    }

    @Override
    public void flush() {
      // Kept in memory: nothing to flush.
    }

    @Override
    public void close() {
      // Nothing to release.
    }

    String text() {
      return text.toString();
    }
  }
}
