package io.taskqueue.handlers.outbound.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InternalAddressesTest {

  @Test
  void namesEveryKindOfInternalAddress() throws Exception {
    String[][] cases = {
      {"127.0.0.1", "loopback"},
      {"127.9.9.9", "loopback"},
      {"::1", "loopback"},
      {"0.0.0.0", "unspecified"},
      {"::", "unspecified"},
      {"169.254.169.254", "link-local"},
      {"fe80::1", "link-local"},
      {"10.1.2.3", "private"},
      {"172.16.0.1", "private"},
      {"172.31.255.255", "private"},
      {"192.168.1.1", "private"},
      {"fd00::1", "private"},
      {"fc00::1", "private"},
      {"224.0.0.1", "multicast"},
      {"ff02::1", "multicast"},
      {"100.64.0.1", "reserved"},
      {"0.1.2.3", "reserved"},
      {"255.255.255.255", "reserved"},
      {"::ffff:127.0.0.1", "loopback"},
      {"::ffff:169.254.169.254", "link-local"},
      {"64:ff9b::a9fe:a9fe", "link-local"},
      {"2002:7f00:1::", "loopback"},
      {"::127.0.0.1", "loopback"},
    };
    for (String[] c : cases) {
      assertEquals(Optional.of(c[1]), InternalAddresses.kind(InetAddress.getByName(c[0])), c[0]);
    }
  }

  @Test
  void publicAddressesAreNotInternal() throws Exception {
    for (String address :
        new String[] {"93.184.216.34", "172.32.0.1", "8.8.8.8", "2606:4700::1111", "100.128.0.1"}) {
      assertEquals(
          Optional.empty(), InternalAddresses.kind(InetAddress.getByName(address)), address);
    }
  }

  @Test
  void networksContainTheirAddressesOnly() throws Exception {
    Network ten = Network.parse("10.20.0.0/16");
    assertTrue(ten.contains(InetAddress.getByName("10.20.255.1")));
    assertFalse(ten.contains(InetAddress.getByName("10.21.0.1")));
    assertEquals(Network.parse("10.20.0.0/16"), Network.parse("10.20.9.9/16"));
    assertTrue(Network.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
    assertFalse(Network.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.2")));
    assertTrue(Network.parse("fd00::/8").contains(InetAddress.getByName("fdff::1")));
    assertFalse(Network.parse("fd00::/8").contains(InetAddress.getByName("10.0.0.1")));
  }

  @Test
  void aNetworkIsAnAddressWithAPrefixNeverAName() {
    for (String bad : new String[] {"intranet", "10.0.0.0/33", "::/129", "10.0.0.0/x", "", "/8"}) {
      assertThrows(IllegalArgumentException.class, () -> Network.parse(bad), bad);
    }
  }
}
