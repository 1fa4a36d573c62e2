package io.taskqueue.handlers.outbound.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  private final AllowedHosts hosts =
      AllowedHosts.parse(" Hooks.Example.com , ,10.0.0.7, partner.example:8443, any.example:*");

  @Test
  void parsesACommaSeparatedListInLowerCase() {
    assertEquals(
        Set.of("hooks.example.com", "10.0.0.7", "partner.example:8443", "any.example:*"),
        hosts.hosts());
    assertTrue(AllowedHosts.parse("").isEmpty());
  }

  @Test
  void allowsListedHostsWhateverTheirCaseOnTheSchemesPort() throws Exception {
    assertEquals(
        URI.create("https://HOOKS.example.com/x"), hosts.check("https://HOOKS.example.com/x"));
    assertEquals(
        URI.create("https://HOOKS.example.com:443/x"),
        hosts.check("https://HOOKS.example.com:443/x"));
    assertEquals(URI.create("http://10.0.0.7/x"), hosts.check("http://10.0.0.7/x"));
  }

  @Test
  void otherPortsOnlyWhenTheEntryNamesThem() throws Exception {
    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class, () -> hosts.check("https://hooks.example.com:8443/x"));
    assertTrue(refused.getMessage().contains("port 8443"), refused.getMessage());
    assertThrows(NonRetryableException.class, () -> hosts.check("http://hooks.example.com:443/"));
    assertThrows(NonRetryableException.class, () -> hosts.check("https://partner.example/x"));
    hosts.check("https://partner.example:8443/x");
    hosts.check("http://any.example:6379/");
  }

  @Test
  void refusesAnEntryWhosePortIsNotAPort() {
    for (String entry : new String[] {"a.example:0", "a.example:65536", "a.example:http"}) {
      assertThrows(IllegalArgumentException.class, () -> AllowedHosts.parse(entry), entry);
    }
  }

  @Test
  void refusesInternalAddressesOutsideTheAllowedNetworks() throws Exception {
    AllowedHosts allowed = hosts.withInternalNetworks("10.0.0.0/24, fd00::/8");
    assertTrue(allowed.refusal("h", InetAddress.getByName("10.0.0.7")).isEmpty());
    assertTrue(allowed.refusal("h", InetAddress.getByName("fd12::1")).isEmpty());
    assertTrue(allowed.refusal("h", InetAddress.getByName("93.184.216.34")).isEmpty());
    assertTrue(
        allowed
            .refusal("h", InetAddress.getByName("10.0.1.7"))
            .orElseThrow()
            .contains("10.0.1.7, a private address"));
    assertTrue(
        allowed
            .refusal("h", InetAddress.getByName("169.254.169.254"))
            .orElseThrow()
            .contains("link-local"));
  }

  @Test
  void refusesOtherHostsIncludingLookAlikes() {
    for (String url :
        new String[] {
          "https://evil.example.com/",
          "https://hooks.example.com.evil.example/",
          "https://hooks.example.com@evil.example/",
          "https://evilhooks.example.com/"
        }) {
      assertThrows(NonRetryableException.class, () -> hosts.check(url), url);
    }
  }

  @Test
  void refusesOtherSchemesCredentialsAndGarbage() {
    for (String url :
        new String[] {
          "ftp://hooks.example.com/",
          "file:///etc/passwd",
          "//hooks.example.com/",
          "https://user:pw@hooks.example.com/",
          "http://hooks example.com/",
          "not a url"
        }) {
      assertThrows(NonRetryableException.class, () -> hosts.check(url), url);
    }
  }
}
