package io.taskqueue.handlers.webhook.control;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.webhook.entity.WebhookRequest;
import io.taskqueue.handlers.webhook.entity.WebhookSettings;
import io.taskqueue.handlers.webhook.entity.WebhookTarget;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a webhook job's payload: {@code {"target": optional, "url": optional, "body": optional,
 * "headers": optional}}. Without {@code body}, the payload less {@code target}, {@code url} and
 * {@code headers} is posted. A job that names a target posts to its URL (or, with {@code url},
 * below it), signed with its secret and carrying its credentials; one that does not posts to {@code
 * url} or the default URL, signed with the default secret.
 */
public final class WebhookPayload {

  /** Headers the handler sets itself; a job may not replace them (nor the signature). */
  static final Set<String> RESERVED_HEADERS =
      Set.of(
          "content-type",
          "idempotency-key",
          WebhookSignature.TIMESTAMP_HEADER.toLowerCase(Locale.ROOT),
          WebhookSignature.SIGNATURE_HEADER.toLowerCase(Locale.ROOT),
          WebhookSignature.URL_HEADER.toLowerCase(Locale.ROOT),
          // Credentials come from a target's configuration, never from a payload that every
          // viewer reads.
          "authorization",
          WebhookCall.JOB_ID_HEADER.toLowerCase(Locale.ROOT));

  /**
   * Headers of the HTTP exchange itself, which the client sets: a job's Host could pick another
   * virtual host on the allowed server than the URL names.
   */
  static final Set<String> TRANSPORT_HEADERS =
      Set.of(
          "host",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "expect",
          "upgrade",
          "te",
          "trailer",
          "proxy-authorization",
          "proxy-connection");

  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private WebhookPayload() {}

  /**
   * The request a payload asks for.
   *
   * @param payload the job's payload
   * @param settings the handler's settings, for the default URL and the allowed hosts
   * @return the request to make
   * @throws NonRetryableException when the payload names no URL and none is configured, names a
   *     host that is not allowed, or has malformed or reserved headers
   */
  public static WebhookRequest parse(JsonObject payload, WebhookSettings settings)
      throws NonRetryableException {
    Optional<WebhookTarget> target = target(payload, settings);
    URI url = target.isPresent() ? targetUrl(payload, target.get()) : url(payload, settings);
    WebhookTarget signer =
        target.orElseGet(
            () ->
                new WebhookTarget(
                    "default", url, settings.secret().orElseThrow(), Optional.empty()));
    Map<String, String> headers = headers(payload);
    JsonValue body =
        payload.containsKey("body")
            ? payload.get("body")
            : Json.createObjectBuilder(payload)
                .remove("target")
                .remove("url")
                .remove("headers")
                .build();
    return new WebhookRequest(url, body.toString(), headers, signer);
  }

  private static Optional<WebhookTarget> target(JsonObject payload, WebhookSettings settings)
      throws NonRetryableException {
    JsonValue name = payload.get("target");
    if (name == null || name == JsonValue.NULL) {
      if (settings.secret().isEmpty()) {
        throw new NonRetryableException(
            "the payload names no target, and only targets are configured: "
                + new TreeSet<>(settings.targets().keySet()));
      }
      return Optional.empty();
    }
    if (!(name instanceof JsonString text)) {
      throw new NonRetryableException("target must be a string");
    }
    WebhookTarget target = settings.targets().get(text.getString());
    if (target == null) {
      throw new NonRetryableException(
          "no webhook target '"
              + clip(text.getString())
              + "' (configured: "
              + new TreeSet<>(settings.targets().keySet())
              + ")");
    }
    return Optional.of(target);
  }

  private static URI targetUrl(JsonObject payload, WebhookTarget target)
      throws NonRetryableException {
    JsonValue url = payload.get("url");
    if (url == null || url == JsonValue.NULL) {
      return target.url();
    }
    if (!(url instanceof JsonString text)) {
      throw new NonRetryableException("url must be a string");
    }
    URI asked = AllowedHosts.parseHttpUrl(text.getString());
    if (!target.covers(asked)) {
      throw new NonRetryableException(
          "url must be target '" + target.name() + "''s URL or below it: " + target.url());
    }
    return asked;
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 63) + "…";
  }

  private static URI url(JsonObject payload, WebhookSettings settings)
      throws NonRetryableException {
    JsonValue url = payload.get("url");
    if (url == null || url == JsonValue.NULL) {
      return settings
          .defaultUrl()
          .orElseThrow(
              () ->
                  new NonRetryableException(
                      "the payload has no url or target, and taskqueue.handlers.webhook.url is"
                          + " not set"));
    }
    if (!(url instanceof JsonString text)) {
      throw new NonRetryableException("url must be a string");
    }
    return settings.allowedHosts().check(text.getString());
  }

  private static Map<String, String> headers(JsonObject payload) throws NonRetryableException {
    JsonValue headers = payload.get("headers");
    if (headers == null || headers == JsonValue.NULL) {
      return Map.of();
    }
    if (!(headers instanceof JsonObject object)) {
      throw new NonRetryableException("headers must be an object of strings");
    }
    Map<String, String> result = new LinkedHashMap<>();
    for (Map.Entry<String, JsonValue> header : object.entrySet()) {
      String name = header.getKey();
      if (!HEADER_NAME.matcher(name).matches()) {
        throw new NonRetryableException("not a valid header name: '" + name + "'");
      }
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new NonRetryableException("header '" + name + "' is set by the handler");
      }
      if (TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new NonRetryableException("header not allowed: '" + name + "' is the HTTP client's");
      }
      if (!(header.getValue() instanceof JsonString value)
          || value.getString().indexOf('\r') >= 0
          || value.getString().indexOf('\n') >= 0) {
        throw new NonRetryableException("header '" + name + "' must be a one-line string");
      }
      result.put(name, value.getString());
    }
    return result;
  }
}
