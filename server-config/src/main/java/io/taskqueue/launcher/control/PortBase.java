package io.taskqueue.launcher.control;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A port base for {@code asadmin create-domain --portbase}: the domain takes fixed offsets from it
 * (admin +48, HTTP +80, HTTPS +81, IIOP +37/+38/+39, JMX +86, JMS +76, debugger +9, OSGi shell +66,
 * data grid +49/+59), all of which must be free.
 */
final class PortBase {

  static final int[] OFFSETS = {9, 37, 38, 39, 48, 49, 59, 66, 76, 80, 81, 86};

  // Below Linux's ephemeral range (32768+), so that no outgoing connection takes a port between
  // this check and the domain's start.
  private static final int LOWEST = 10_000;
  private static final int HIGHEST = 32_600;
  private static final int ATTEMPTS = 100;

  private PortBase() {}

  /** A base, a multiple of 100, whose every port is free on 127.0.0.1. */
  static int find() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int base = ThreadLocalRandom.current().nextInt(LOWEST / 100, HIGHEST / 100) * 100;
      if (allFree(base)) {
        return base;
      }
    }
    throw new IllegalStateException("no free block of ports for a Payara domain");
  }

  private static boolean allFree(int base) {
    for (int offset : OFFSETS) {
      // Bound on loopback only: a listener on any address of this port makes the bind fail.
      try (ServerSocket probe = new ServerSocket()) {
        probe.setReuseAddress(false);
        probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), base + offset), 1);
      } catch (IOException taken) {
        return false;
      }
    }
    return true;
  }
}
