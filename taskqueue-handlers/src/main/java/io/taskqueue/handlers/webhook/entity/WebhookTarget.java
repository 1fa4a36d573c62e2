package io.taskqueue.handlers.webhook.entity;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A receiver configured by name: where its calls go, the secret that signs them (its own, so that
 * no other receiver can forge or replay its calls), and the credentials it wants, which jobs name
 * by the target and never carry.
 *
 * @param name how jobs name it ({@code "target": "partner-a"})
 * @param url its endpoint; a job may post there or below it
 * @param secret the HMAC key for its calls
 * @param authorization the {@code Authorization} header value it is sent, if any
 */
public record WebhookTarget(String name, URI url, String secret, Optional<String> authorization) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * Checks the target.
   *
   * @throws IllegalArgumentException naming the configuration key to fix
   */
  public WebhookTarget {
    String key = "taskqueue.handlers.webhook.target." + name;
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "webhook target name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (url == null) {
      throw new IllegalArgumentException(key + ".url is not set");
    }
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          key + ".secret is not set: its receiver could not verify the calls");
    }
    if (authorization.isPresent()
        && (authorization.get().isBlank()
            || authorization.get().indexOf('\r') >= 0
            || authorization.get().indexOf('\n') >= 0)) {
      throw new IllegalArgumentException(key + ".authorization must be one non-blank line");
    }
  }

  /**
   * A target from configuration values.
   *
   * @param name the target's name
   * @param url {@code taskqueue.handlers.webhook.target.<name>.url}
   * @param secret {@code taskqueue.handlers.webhook.target.<name>.secret}
   * @param authorization {@code taskqueue.handlers.webhook.target.<name>.authorization}
   * @return the checked target
   * @throws IllegalArgumentException when a value is missing or invalid
   */
  public static WebhookTarget fromConfig(
      String name, Optional<String> url, Optional<String> secret, Optional<String> authorization) {
    String key = "taskqueue.handlers.webhook.target." + name;
    URI endpoint;
    try {
      endpoint =
          AllowedHosts.parseHttpUrl(
              url.orElseThrow(() -> new IllegalArgumentException(key + ".url is not set")));
    } catch (NonRetryableException e) {
      throw new IllegalArgumentException(key + ".url: " + e.getMessage());
    }
    return new WebhookTarget(name, endpoint, secret.orElse(""), authorization);
  }

  /**
   * Whether {@code candidate} is this target's URL or lies below it (same scheme, host and port,
   * and a path under the target's).
   *
   * @param candidate a URL a job asked for
   * @return true when the target covers it
   */
  public boolean covers(URI candidate) {
    String rawPath = candidate.getRawPath() == null ? "" : candidate.getRawPath();
    if (rawPath.toLowerCase(Locale.ROOT).matches(".*%(2e|2f|5c).*")) {
      return false; // an encoded dot, slash or backslash could climb out on the receiver's side
    }
    String base = url.normalize().toString();
    String asked = candidate.normalize().toString();
    return asked.equals(base)
        || asked.startsWith(base + "?")
        || asked.startsWith(base.endsWith("/") ? base : base + "/");
  }

  /** Keeps the secret and the credentials out of logs and error messages. */
  @Override
  public String toString() {
    return "WebhookTarget[" + name + " " + url + "]";
  }
}
