package io.taskqueue.launcher.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ListeningSocketsTest {

  @Test
  void addressesAreReadAsTheKernelPrintsThem() {
    assertEquals("127.0.0.1", ListeningSockets.address("0100007F").getHostAddress());
    assertEquals("0.0.0.0", ListeningSockets.address("00000000").getHostAddress());
    assertTrue(ListeningSockets.address("00000000000000000000000001000000").isLoopbackAddress());
    assertTrue(ListeningSockets.address("0000000000000000FFFF00000100007F").isLoopbackAddress());
    assertTrue(ListeningSockets.address("00000000000000000000000000000000").isAnyLocalAddress());
  }

  @Test
  void onlyListeningTcpAndUnconnectedUdpSocketsOfTheProcessCount() {
    List<String> tcp =
        List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1",
            "   1: 00000000:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 222 1",
            "   2: 0100007F:9C40 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 333 1",
            "   3: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 999 1");
    List<String> udp =
        List.of(
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops",
            "  10: 00000000:D5B7 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 444 2 0 0",
            "  11: 0100007F:A000 08080808:0035 01 00000000:00000000 00:00000000 00000000     0        0 555 2 0 0");
    Set<String> mine = Set.of("111", "222", "333", "444", "555");

    assertEquals(
        "[tcp 127.0.0.1:8080, tcp 0.0.0.0:8081]",
        ListeningSockets.parse("tcp", tcp, mine).toString());
    assertEquals("[udp 0.0.0.0:54711]", ListeningSockets.parse("udp", udp, mine).toString());
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void findsTheSocketsThisProcessListensOn() throws Exception {
    try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      List<ListeningSockets.Socket> sockets = ListeningSockets.of(ProcessHandle.current().pid());

      assertTrue(
          sockets.contains(
              new ListeningSockets.Socket(
                  "tcp", InetAddress.getLoopbackAddress(), tcp.getLocalPort())),
          sockets.toString());
      assertTrue(
          sockets.stream()
              .anyMatch(s -> s.protocol().equals("udp") && s.port() == udp.getLocalPort()),
          sockets.toString());
      assertFalse(sockets.stream().anyMatch(s -> !s.isLoopback()), sockets.toString());
    }
  }
}
