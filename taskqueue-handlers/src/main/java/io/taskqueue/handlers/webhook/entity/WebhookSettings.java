package io.taskqueue.handlers.webhook.entity;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How the webhook handler calls out. Complete or not at all: the constructor refuses a setting that
 * would make every job fail or let jobs call anywhere.
 *
 * @param defaultUrl where jobs without a {@code url} are posted
 * @param allowedHosts the hosts jobs may post to; always holds the default URL's host
 * @param secret the HMAC key for {@code X-Taskqueue-Signature}
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest a whole exchange may take, reading the answer included
 */
public record WebhookSettings(
    Optional<URI> defaultUrl,
    AllowedHosts allowedHosts,
    String secret,
    Duration connectTimeout,
    Duration requestTimeout) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the configuration key to fix
   */
  public WebhookSettings {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.webhook.secret is not set: receivers could not verify the calls");
    }
    if (defaultUrl.isPresent()) {
      allowedHosts = allowedHosts.with(AllowedHosts.entryFor(defaultUrl.get()));
    }
    if (allowedHosts.isEmpty()) {
      throw new IllegalArgumentException(
          "neither taskqueue.handlers.webhook.url nor taskqueue.handlers.webhook.allowed-hosts is"
              + " set: no job could be posted anywhere");
    }
    if (!isPositive(connectTimeout) || !isPositive(requestTimeout)) {
      throw new IllegalArgumentException("webhook timeouts must be positive");
    }
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /**
   * Settings from configuration values.
   *
   * @param url {@code taskqueue.handlers.webhook.url}
   * @param allowedHosts {@code taskqueue.handlers.webhook.allowed-hosts}, comma-separated
   * @param internalNetworks {@code taskqueue.handlers.internal-networks}, comma-separated CIDR
   * @param secret {@code taskqueue.handlers.webhook.secret}
   * @param connectTimeoutMs {@code taskqueue.handlers.webhook.connect-timeout-ms}
   * @param requestTimeoutMs {@code taskqueue.handlers.webhook.request-timeout-ms}
   * @return the checked settings
   * @throws IllegalArgumentException when they are incomplete or invalid
   */
  public static WebhookSettings fromConfig(
      Optional<String> url,
      Optional<String> allowedHosts,
      String internalNetworks,
      Optional<String> secret,
      long connectTimeoutMs,
      long requestTimeoutMs) {
    Optional<URI> defaultUrl = Optional.empty();
    if (url.isPresent()) {
      try {
        defaultUrl = Optional.of(AllowedHosts.parseHttpUrl(url.get()));
      } catch (NonRetryableException e) {
        throw new IllegalArgumentException("taskqueue.handlers.webhook.url: " + e.getMessage());
      }
    }
    return new WebhookSettings(
        defaultUrl,
        AllowedHosts.parse(allowedHosts.orElse("")).withInternalNetworks(internalNetworks),
        secret.orElse(""),
        Duration.ofMillis(connectTimeoutMs),
        Duration.ofMillis(requestTimeoutMs));
  }

  /** Keeps the secret out of logs and error messages. */
  @Override
  public String toString() {
    return "WebhookSettings[defaultUrl="
        + defaultUrl
        + ", allowedHosts="
        + allowedHosts.hosts()
        + ", internalNetworks="
        + allowedHosts.internalNetworks()
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
