package io.taskqueue.bench.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ServerConnectionsTest {

  @Test
  void portsAreTheHexDigitsAfterTheLastColon() {
    assertEquals(54400, ServerConnections.port("0100007F:D480"));
    assertEquals(63900, ServerConnections.port("0000000000000000FFFF00000100007F:F99C"));
  }
}
