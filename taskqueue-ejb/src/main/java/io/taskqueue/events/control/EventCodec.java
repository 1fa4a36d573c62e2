package io.taskqueue.events.control;

import io.taskqueue.job.entity.JobEvent;
import io.taskqueue.json.boundary.JsonText;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The events' JSON: absent parts left out, unknown fields of newer nodes ignored. Written by hand
 * with the streaming API: every state change of every job passes through here twice (out to Redis,
 * back from it), and data binding spent more time per event than the state change itself.
 */
public final class EventCodec {

  private EventCodec() {}

  /**
   * Many events as one message: each event's JSON on its own line. JSON text never holds a raw line
   * break (inside strings it is escaped), so a line is always a whole event, and a message of one
   * line is the single event older nodes published.
   */
  public static String toLines(List<JobEvent> events) {
    StringBuilder lines = new StringBuilder(events.size() * 256);
    for (JobEvent event : events) {
      if (!lines.isEmpty()) {
        lines.append('\n');
      }
      lines.append(toJson(event));
    }
    return lines.toString();
  }

  /** The events' JSON texts in a message of {@link #toLines}, one per line. */
  public static List<String> lines(String message) {
    if (message.indexOf('\n') < 0) {
      return List.of(message);
    }
    return List.of(message.split("\n"));
  }

  public static String toJson(JobEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JsonText.provider().createGenerator(out)) {
      json.writeStartObject();
      json.write("type", event.type());
      text(json, "jobId", event.jobId() == null ? null : event.jobId().toString());
      text(json, "jobType", event.jobType());
      text(json, "priority", event.priority());
      text(json, "status", event.status());
      if (event.attempt() != null) {
        json.write("attempt", event.attempt());
      }
      text(json, "workerId", event.workerId());
      text(json, "timestamp", event.timestamp() == null ? null : event.timestamp().toString());
      number(json, "durationMs", event.durationMs());
      number(json, "waitMs", event.waitMs());
      text(json, "error", event.error());
      if (event.progress() != null) {
        json.write("progress", event.progress());
      }
      text(json, "message", event.message());
      json.writeEnd();
    }
    return out.toString();
  }

  /** Empty for a message that is not an event (someone else publishing on the channel). */
  public static Optional<JobEvent> fromJson(String text) {
    try {
      JsonObject json = JsonText.readObject(text);
      String type = string(json, "type");
      if (type == null) {
        return Optional.empty();
      }
      String jobId = string(json, "jobId");
      String timestamp = string(json, "timestamp");
      return Optional.of(
          new JobEvent(
              type,
              jobId == null ? null : UUID.fromString(jobId),
              string(json, "jobType"),
              string(json, "priority"),
              string(json, "status"),
              json.get("attempt") instanceof JsonNumber n ? n.intValue() : null,
              string(json, "workerId"),
              timestamp == null ? null : Instant.parse(timestamp),
              longValue(json, "durationMs"),
              longValue(json, "waitMs"),
              string(json, "error"),
              json.get("progress") instanceof JsonNumber p ? p.intValue() : null,
              string(json, "message")));
    } catch (JsonException
        | ClassCastException
        | IllegalArgumentException
        | DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void text(JsonGenerator json, String name, String value) {
    if (value != null) {
      json.write(name, value);
    }
  }

  private static void number(JsonGenerator json, String name, Long value) {
    if (value != null) {
      json.write(name, value);
    }
  }

  private static String string(JsonObject json, String name) {
    JsonValue value = json.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static Long longValue(JsonObject json, String name) {
    return json.get(name) instanceof JsonNumber n ? n.longValue() : null;
  }
}
