package io.taskqueue.handlers.outbound.entity;

import io.taskqueue.NonRetryableException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a handler may call: hosts matched exactly and case-insensitively (no wildcards), each on
 * the default port of the URL's scheme (80, 443) unless its entry names a port ({@code host:8443})
 * or any port ({@code host:*}); and, for the addresses those names resolve to, no internal address
 * ({@link InternalAddresses}) unless it lies in one of {@code internalNetworks}. Checking a URL
 * also insists on http or https and refuses credentials in it: a job's payload is stored and shown,
 * so it is no place for a password.
 *
 * @param hosts the allowed entries, lower case: {@code host}, {@code host:port} or {@code host:*}
 * @param internalNetworks internal networks that calls may reach all the same
 */
public record AllowedHosts(Set<String> hosts, List<Network> internalNetworks) {

  /** The internal networks outbound calls may reach, comma-separated CIDR; none by default. */
  public static final String INTERNAL_NETWORKS_PROPERTY = "taskqueue.handlers.internal-networks";

  /** Normalises the entries to lower case, checks their ports and copies them. */
  public AllowedHosts {
    hosts =
        hosts.stream()
            .map(String::strip)
            .filter(host -> !host.isEmpty())
            .map(host -> host.toLowerCase(Locale.ROOT))
            .peek(AllowedHosts::checkEntry)
            .collect(Collectors.toUnmodifiableSet());
    internalNetworks = List.copyOf(internalNetworks);
  }

  /**
   * The hosts of a comma-separated list, no internal network allowed; blank entries are ignored.
   *
   * @param commaSeparated for example {@code "hooks.example.com, partner.example.org:8443"}
   * @return those hosts
   * @throws IllegalArgumentException when an entry's port is not a number from 1 to 65535 or {@code
   *     *}
   */
  public static AllowedHosts parse(String commaSeparated) {
    return new AllowedHosts(Set.copyOf(Arrays.asList(commaSeparated.split(","))), List.of());
  }

  /**
   * These hosts, and internal networks that calls may reach.
   *
   * @param commaSeparated CIDR blocks, for example {@code "10.20.0.0/16, 127.0.0.1"}
   * @return a new allow-list
   * @throws IllegalArgumentException when an entry is not an address or CIDR block
   */
  public AllowedHosts withInternalNetworks(String commaSeparated) {
    return new AllowedHosts(
        hosts,
        Arrays.stream(commaSeparated.split(","))
            .filter(entry -> !entry.isBlank())
            .map(Network::parse)
            .toList());
  }

  /**
   * These hosts and one more entry.
   *
   * @param host the entry to add ({@code host} or {@code host:port})
   * @return a new allow-list
   */
  public AllowedHosts with(String host) {
    Set<String> more = new TreeSet<>(hosts);
    more.add(host);
    return new AllowedHosts(more, internalNetworks);
  }

  /**
   * The entry that allows exactly this URL's host and port.
   *
   * @param uri an http(s) URL
   * @return {@code host:port}
   */
  public static String entryFor(URI uri) {
    return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port(uri);
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
   * Parses a URL and checks that a handler may call it, by name and port; its addresses are checked
   * when the connection is made ({@link #refusal}).
   *
   * @param url the URL as the job gave it
   * @return the parsed URL
   * @throws NonRetryableException when it is malformed, not http(s), carries credentials, or its
   *     host and port are not allowed: the same payload would be refused again
   */
  public URI check(String url) throws NonRetryableException {
    URI uri = parseHttpUrl(url);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = port(uri);
    boolean defaultPort = port == (uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
    if (!(hosts.contains(host + ":" + port)
        || hosts.contains(host + ":*")
        || (defaultPort && hosts.contains(host)))) {
      boolean hostKnown =
          hosts.stream().anyMatch(entry -> entry.equals(host) || entry.startsWith(host + ":"));
      throw new NonRetryableException(
          (hostKnown
                  ? "port " + port + " of host '" + uri.getHost() + "' is not allowed"
                  : "host '" + uri.getHost() + "' is not allowed")
              + " (allowed: "
              + new TreeSet<>(hosts)
              + ")");
    }
    return uri;
  }

  /**
   * Why a call to {@code host} must not go to {@code address}, or empty when it may: an internal
   * address outside the allowed internal networks.
   *
   * @param host the name being called
   * @param address one address it resolved to
   * @return the reason, naming the address and its kind
   */
  public Optional<String> refusal(String host, InetAddress address) {
    return InternalAddresses.kind(address)
        .filter(kind -> internalNetworks.stream().noneMatch(n -> n.contains(address)))
        .map(
            kind ->
                "host '"
                    + host
                    + "' resolves to "
                    + address.getHostAddress()
                    + ", a "
                    + kind
                    + " address, which calls may not reach (allowed internal networks: "
                    + internalNetworks
                    + ")");
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

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static void checkEntry(String entry) {
    int colon = entry.lastIndexOf(':');
    boolean bracketed = entry.startsWith("[");
    boolean hasPort = bracketed ? entry.contains("]:") : colon > 0 && entry.indexOf(':') == colon;
    if (!hasPort) {
      return;
    }
    String port = entry.substring(colon + 1);
    if (port.equals("*")) {
      return;
    }
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      number = 0;
    }
    if (number < 1 || number > 65535) {
      throw new IllegalArgumentException(
          "allowed host '" + entry + "': a port must be a number from 1 to 65535, or *");
    }
  }
}
