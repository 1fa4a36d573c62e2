package io.taskqueue.handlers.outbound.control;

import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.outbound.entity.HostLookup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host for the HTTP client and hands it only addresses the allow-list permits; the
 * client connects to exactly those, so no second lookup can swap in another address between the
 * check and the connection (DNS rebinding). Internal addresses are dropped; when none is left the
 * lookup fails with {@link RefusedAddressException}, naming what the host resolved to.
 */
public final class CheckedDnsResolver implements DnsResolver {

  private final AllowedHosts allowed;
  private final HostLookup lookup;

  public CheckedDnsResolver(AllowedHosts allowed, HostLookup lookup) {
    this.allowed = allowed;
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    List<InetAddress> permitted = new ArrayList<>();
    String firstRefusal = null;
    for (InetAddress address : lookup.all(name)) {
      Optional<String> refusal = allowed.refusal(host, address);
      if (refusal.isEmpty()) {
        permitted.add(address);
      } else if (firstRefusal == null) {
        firstRefusal = refusal.get();
      }
    }
    if (permitted.isEmpty()) {
      throw new RefusedAddressException(
          firstRefusal == null ? "host '" + host + "' has no address" : firstRefusal);
    }
    return permitted.toArray(InetAddress[]::new);
  }

  /** Never asked for by the client as configured; answered without a reverse lookup. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }
}
