package io.taskqueue.handlers.outbound.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up: the system resolver in production, a fixed answer in tests. */
@FunctionalInterface
public interface HostLookup {

  /** The system's resolver. */
  HostLookup SYSTEM = InetAddress::getAllByName;

  /**
   * Every address of {@code host}.
   *
   * @param host a name or an IP literal
   * @return its addresses
   * @throws UnknownHostException when it has none
   */
  InetAddress[] all(String host) throws UnknownHostException;
}
