package io.taskqueue.handlers.outbound.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AllowedHostsTest {

  private final AllowedHosts hosts = AllowedHosts.parse(" Hooks.Example.com , ,10.0.0.7");

  @Test
  void parsesACommaSeparatedListInLowerCase() {
    assertEquals(Set.of("hooks.example.com", "10.0.0.7"), hosts.hosts());
    assertTrue(AllowedHosts.parse("").isEmpty());
  }

  @Test
  void allowsListedHostsWhateverTheirCaseOrPort() throws Exception {
    assertEquals(
        URI.create("https://HOOKS.example.com:8443/x"),
        hosts.check("https://HOOKS.example.com:8443/x"));
    assertEquals(URI.create("http://10.0.0.7/x"), hosts.check("http://10.0.0.7/x"));
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
