package io.taskqueue.handlers.email.entity;

import java.time.Duration;
import java.util.Optional;

/**
 * How the email handler reaches its SMTP server. Credentials come only from here, never from a job.
 *
 * @param host the SMTP server
 * @param port its port
 * @param starttls whether to upgrade to TLS with STARTTLS; when true a server that does not offer
 *     it is refused rather than spoken to in clear
 * @param username the SMTP AUTH user, or empty for no authentication
 * @param password the SMTP AUTH password, present exactly when a user is
 * @param from the sender address ({@code From} and envelope), optionally with a name
 * @param recipientDomains the domains jobs may send to
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest wait for any one read or write on the connection
 */
public record EmailSettings(
    String host,
    int port,
    boolean starttls,
    Optional<String> username,
    Optional<String> password,
    String from,
    RecipientDomains recipientDomains,
    Duration connectTimeout,
    Duration timeout) {

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException naming the configuration key to fix
   */
  public EmailSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("taskqueue.handlers.email.host is not set");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("taskqueue.handlers.email.port must be 1 to 65535");
    }
    if (from == null || from.isBlank()) {
      throw new IllegalArgumentException("taskqueue.handlers.email.from is not set");
    }
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalArgumentException(
          "set both taskqueue.handlers.email.username and taskqueue.handlers.email.password, or"
              + " neither");
    }
    if (connectTimeout.isNegative()
        || connectTimeout.isZero()
        || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException("email timeouts must be positive");
    }
  }

  /** Keeps the password out of logs and error messages. */
  @Override
  public String toString() {
    return "EmailSettings[host="
        + host
        + ", port="
        + port
        + ", starttls="
        + starttls
        + ", username="
        + username
        + ", from="
        + from
        + ", recipientDomains="
        + recipientDomains.entries()
        + ", connectTimeout="
        + connectTimeout
        + ", timeout="
        + timeout
        + "]";
  }
}
