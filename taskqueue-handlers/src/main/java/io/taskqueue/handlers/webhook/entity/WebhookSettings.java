package io.taskqueue.handlers.webhook.entity;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How the webhook handler calls out. Complete or not at all: the constructor refuses a setting that
 * would make every job fail or let jobs call anywhere.
 *
 * <p>Two ways to name a receiver, side by side: configured {@code targets}, each with its own
 * secret and credentials, which jobs name by {@code target}; and the default, a {@code url} and
 * {@code allowedHosts} that jobs name by {@code url}, all signed with the one {@code secret}.
 *
 * @param defaultUrl where jobs without {@code url} or {@code target} are posted
 * @param allowedHosts the hosts jobs may post to by {@code url}; holds the default URL's host and
 *     port
 * @param secret the HMAC key for calls to the default URL and the allowed hosts; without it jobs
 *     must name a target
 * @param targets the configured receivers by name
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest a whole exchange may take, reading the answer included
 */
public record WebhookSettings(
    Optional<URI> defaultUrl,
    AllowedHosts allowedHosts,
    Optional<String> secret,
    Map<String, WebhookTarget> targets,
    Duration connectTimeout,
    Duration requestTimeout) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the configuration key to fix
   */
  public WebhookSettings {
    secret = secret.filter(s -> !s.isBlank());
    targets = Map.copyOf(targets);
    boolean byUrl = defaultUrl.isPresent() || !allowedHosts.isEmpty();
    if (byUrl && secret.isEmpty()) {
      throw new IllegalArgumentException(
          "taskqueue.handlers.webhook.secret is not set: receivers could not verify the calls");
    }
    if (!byUrl && targets.isEmpty()) {
      throw new IllegalArgumentException(
          "none of taskqueue.handlers.webhook.targets, .url or .allowed-hosts is set: no job could"
              + " be posted anywhere");
    }
    if (defaultUrl.isPresent()) {
      allowedHosts = allowedHosts.with(AllowedHosts.entryFor(defaultUrl.get()));
    }
    if (!isPositive(connectTimeout) || !isPositive(requestTimeout)) {
      throw new IllegalArgumentException("webhook timeouts must be positive");
    }
  }

  /**
   * Every host and port a call may go to: the allowed hosts and the targets'.
   *
   * @return the allow-list connections are checked against
   */
  public AllowedHosts reachable() {
    AllowedHosts all = allowedHosts;
    for (WebhookTarget target : targets.values()) {
      all = all.with(AllowedHosts.entryFor(target.url()));
    }
    return all;
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }

  /**
   * Settings from configuration values, without targets.
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
    return fromConfig(
        url, allowedHosts, internalNetworks, secret, Map.of(), connectTimeoutMs, requestTimeoutMs);
  }

  /**
   * Settings from configuration values.
   *
   * @param url {@code taskqueue.handlers.webhook.url}
   * @param allowedHosts {@code taskqueue.handlers.webhook.allowed-hosts}, comma-separated
   * @param internalNetworks {@code taskqueue.handlers.internal-networks}, comma-separated CIDR
   * @param secret {@code taskqueue.handlers.webhook.secret}
   * @param targets the targets {@code taskqueue.handlers.webhook.targets} names, by name
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
      Map<String, WebhookTarget> targets,
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
        secret,
        targets,
        Duration.ofMillis(connectTimeoutMs),
        Duration.ofMillis(requestTimeoutMs));
  }

  /** Keeps the secrets out of logs and error messages. */
  @Override
  public String toString() {
    return "WebhookSettings[defaultUrl="
        + defaultUrl
        + ", allowedHosts="
        + allowedHosts.hosts()
        + ", internalNetworks="
        + allowedHosts.internalNetworks()
        + ", targets="
        + targets.values()
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
