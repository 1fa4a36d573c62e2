package io.taskqueue.launcher.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortBaseTest {

  @Test
  void aBaseIsAMultipleOfAHundredBelowTheEphemeralRangeWithEveryDomainPortFree() throws Exception {
    int base = PortBase.find();

    assertEquals(0, base % 100);
    assertTrue(base >= 10_000 && base + 100 < 32_768, Integer.toString(base));
    for (int offset : PortBase.OFFSETS) {
      try (ServerSocket free =
          new ServerSocket(base + offset, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(base + offset, free.getLocalPort());
      }
    }
  }
}
