package io.taskqueue.handlers.image.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.OutputFormat;
import io.taskqueue.handlers.image.entity.ResizeRequest;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Optional;

/**
 * Reads an image job's payload: {@code {"path" | "url", "width"?, "height"?, "format"?, "quality"?,
 * "upscale"?}}, at least one of width and height.
 */
public final class ResizePayload {

  /** The default JPEG quality, a common balance of size and artefacts. */
  static final float DEFAULT_QUALITY = 0.85f;

  /** No side of a result is longer than this, whatever max-pixels allows. */
  static final int MAX_SIDE = 50_000;

  private ResizePayload() {}

  /**
   * The resize a payload asks for.
   *
   * @param payload the job's payload
   * @param allowedHosts the hosts a {@code url} may name
   * @return the request
   * @throws NonRetryableException when a field is missing, malformed or out of range, or the URL's
   *     host is not allowed
   */
  public static ResizeRequest parse(JsonObject payload, AllowedHosts allowedHosts)
      throws NonRetryableException {
    Optional<String> path = optionalString(payload, "path");
    Optional<String> url = optionalString(payload, "url");
    if (path.isPresent() == url.isPresent()) {
      throw new NonRetryableException("give exactly one of path and url");
    }
    Optional<URI> checkedUrl = Optional.empty();
    if (url.isPresent()) {
      checkedUrl = Optional.of(allowedHosts.check(url.get()));
    }
    Optional<Integer> width = side(payload, "width");
    Optional<Integer> height = side(payload, "height");
    if (width.isEmpty() && height.isEmpty()) {
      throw new NonRetryableException("give width, height or both");
    }
    Optional<OutputFormat> format = Optional.empty();
    Optional<String> formatName = optionalString(payload, "format");
    if (formatName.isPresent()) {
      format =
          Optional.of(
              OutputFormat.named(formatName.get())
                  .orElseThrow(() -> new NonRetryableException("format must be jpeg or png")));
    }
    return new ResizeRequest(
        path,
        checkedUrl,
        width.orElse(Integer.MAX_VALUE),
        height.orElse(Integer.MAX_VALUE),
        format,
        quality(payload),
        payload.getBoolean("upscale", false),
        payload.getBoolean("overwrite", false));
  }

  private static Optional<String> optionalString(JsonObject payload, String name)
      throws NonRetryableException {
    JsonValue value = payload.get(name);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonString text)) {
      throw new NonRetryableException(name + " must be a string");
    }
    return Optional.of(text.getString());
  }

  private static Optional<Integer> side(JsonObject payload, String name)
      throws NonRetryableException {
    JsonValue value = payload.get(name);
    if (value == null || value == JsonValue.NULL) {
      return Optional.empty();
    }
    if (!(value instanceof JsonNumber number)
        || !number.isIntegral()
        || number.longValue() < 1
        || number.longValue() > MAX_SIDE) {
      throw new NonRetryableException(name + " must be a whole number from 1 to " + MAX_SIDE);
    }
    return Optional.of(number.intValue());
  }

  private static float quality(JsonObject payload) throws NonRetryableException {
    JsonValue value = payload.get("quality");
    if (value == null || value == JsonValue.NULL) {
      return DEFAULT_QUALITY;
    }
    if (!(value instanceof JsonNumber number)
        || number.doubleValue() < 0
        || number.doubleValue() > 1) {
      throw new NonRetryableException("quality must be a number from 0.0 to 1.0");
    }
    return (float) number.doubleValue();
  }
}
