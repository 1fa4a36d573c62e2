package io.taskqueue.handlers.outbound.entity;

import io.taskqueue.NonRetryableException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hosts a handler may call, matched exactly and case-insensitively (no wildcards, any port).
 * Checking a URL also insists on http or https and refuses credentials in it: a job's payload is
 * stored and shown, so it is no place for a password.
 *
 * @param hosts the allowed host names or IP literals, lower case
 */
public record AllowedHosts(Set<String> hosts) {

  /** Normalises the hosts to lower case and copies them. */
  public AllowedHosts {
    hosts =
        hosts.stream()
            .map(String::strip)
            .filter(host -> !host.isEmpty())
            .map(host -> host.toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * The hosts of a comma-separated list; blank entries are ignored.
   *
   * @param commaSeparated for example {@code "hooks.example.com, 10.0.0.7"}
   * @return those hosts
   */
  public static AllowedHosts parse(String commaSeparated) {
    return new AllowedHosts(Set.copyOf(Arrays.asList(commaSeparated.split(","))));
  }

  /**
   * These hosts and one more.
   *
   * @param host the host to add
   * @return a new allow-list
   */
  public AllowedHosts with(String host) {
    Set<String> more = new TreeSet<>(hosts);
    more.add(host);
    return new AllowedHosts(more);
  }

  /**
   * Whether nothing at all is allowed.
   *
   * @return true when the list is empty
   */
  public boolean isEmpty() {
    return hosts.isEmpty();
  }

  /**
   * Parses a URL and checks that a handler may call it.
   *
   * @param url the URL as the job gave it
   * @return the parsed URL
   * @throws NonRetryableException when it is malformed, not http(s), carries credentials, or its
   *     host is not allowed: the same payload would be refused again
   */
  public URI check(String url) throws NonRetryableException {
    URI uri = parseHttpUrl(url);
    if (!hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      throw new NonRetryableException(
          "host '" + uri.getHost() + "' is not allowed (allowed: " + new TreeSet<>(hosts) + ")");
    }
    return uri;
  }

  /**
   * Parses a URL and checks that it is absolute http(s) with a host and without credentials,
   * without looking at the allow-list.
   *
   * @param url the URL to check
   * @return the parsed URL
   * @throws NonRetryableException when it is not such a URL
   */
  public static URI parseHttpUrl(String url) throws NonRetryableException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new NonRetryableException("not a valid URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new NonRetryableException("only http and https URLs are allowed, not '" + url + "'");
    }
    if (uri.getHost() == null) {
      throw new NonRetryableException("URL has no host name: '" + url + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new NonRetryableException("URL must not carry credentials: '" + uri.getHost() + "'");
    }
    return uri;
  }
}
