package io.taskqueue.handlers.outbound.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A block of addresses in CIDR notation, such as {@code 10.20.0.0/16} or {@code fd00::/8}; a bare
 * address is a block of one.
 *
 * @param base the block's first address (its host bits are cleared)
 * @param prefixBits how many leading bits every address in it shares
 */
public record Network(InetAddress base, int prefixBits) {

  /**
   * Parses a block. Only literal addresses are taken: a host name here would be looked up once at
   * boot and trusted for ever.
   *
   * @param cidr for example {@code 127.0.0.0/8}
   * @return the block
   * @throws IllegalArgumentException when it is not an address with an optional prefix length
   */
  public static Network parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    if (!address.matches("[0-9a-fA-F.:]+") || !(address.contains(".") || address.contains(":"))) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
    }
    InetAddress base;
    try {
      base = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
    }
    int bits = base.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException(
            "'" + cidr + "': the prefix length must be between 0 and " + bits);
      }
    }
    return new Network(masked(base, prefix), prefix);
  }

  /**
   * Whether {@code address} lies in this block (an IPv4 address never lies in an IPv6 block).
   *
   * @param address the address to test
   * @return true when its first {@code prefixBits} bits are the block's
   */
  public boolean contains(InetAddress address) {
    return address.getAddress().length == base.getAddress().length
        && masked(address, prefixBits).equals(base);
  }

  private static InetAddress masked(InetAddress address, int prefix) {
    byte[] bytes = address.getAddress();
    for (int i = 0; i < bytes.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      bytes[i] &= (byte) (0xff << (8 - keep));
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException cannotHappen) {
      throw new IllegalStateException(cannotHappen);
    }
  }

  @Override
  public String toString() {
    return base.getHostAddress() + "/" + prefixBits;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Network n
        && n.prefixBits == prefixBits
        && Arrays.equals(n.base.getAddress(), base.getAddress());
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(base.getAddress()) + prefixBits;
  }
}
