package io.taskqueue.handlers.outbound.entity;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Addresses that reach the machine itself or its private surroundings rather than a partner on the
 * internet: what a job's URL must not reach unless an operator allowed the network. A name that a
 * partner's DNS (or a rebinding attacker) points at one of these would otherwise turn the handler
 * into a way to read the cloud metadata service, the node's own admin ports or the internal
 * network.
 */
public final class InternalAddresses {

  /** IPv4 blocks that Java's {@code InetAddress} predicates do not cover. */
  private static final List<Network> OTHER_V4 =
      List.of(
          Network.parse("0.0.0.0/8"), // "this network"
          Network.parse("100.64.0.0/10"), // carrier-grade NAT, shared address space
          Network.parse("192.0.0.0/24"), // IETF protocol assignments
          Network.parse("198.18.0.0/15"), // benchmarking
          Network.parse("240.0.0.0/4")); // reserved, and the broadcast address

  private static final Network UNIQUE_LOCAL_V6 = Network.parse("fc00::/7");
  private static final Network NAT64 = Network.parse("64:ff9b::/96");
  private static final Network SIX_TO_FOUR = Network.parse("2002::/16");

  private InternalAddresses() {}

  /**
   * What kind of internal address this is, or empty for a public one. IPv6 addresses that carry an
   * IPv4 address (IPv4-compatible, NAT64, 6to4) are judged by the address they carry.
   *
   * @param address the address a connection would go to
   * @return for example "loopback" or "private", or empty
   */
  public static Optional<String> kind(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return Optional.of("unspecified");
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("loopback");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("link-local");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("private");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("multicast");
    }
    if (address instanceof Inet4Address) {
      return OTHER_V4.stream().anyMatch(n -> n.contains(address))
          ? Optional.of("reserved")
          : Optional.empty();
    }
    Inet6Address v6 = (Inet6Address) address;
    if (UNIQUE_LOCAL_V6.contains(v6)) {
      return Optional.of("private");
    }
    byte[] bytes = v6.getAddress();
    if (v6.isIPv4CompatibleAddress() || NAT64.contains(v6)) {
      return kind(v4(Arrays.copyOfRange(bytes, 12, 16)));
    }
    if (SIX_TO_FOUR.contains(v6)) {
      return kind(v4(Arrays.copyOfRange(bytes, 2, 6)));
    }
    return Optional.empty();
  }

  private static InetAddress v4(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }
}
