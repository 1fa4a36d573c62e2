package io.taskqueue.handlers.webhook.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

  @Test
  void refusesToRunWithoutASecret() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WebhookSettings.fromConfig(
                    Optional.of("https://hooks.example.com/in"),
                    Optional.empty(),
                    "",
                    Optional.empty(),
                    5000,
                    30000));
    assertTrue(refused.getMessage().contains("taskqueue.handlers.webhook.secret"));
  }

  @Test
  void refusesToRunWhenNoHostIsAllowed() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebhookSettings.fromConfig(
                Optional.empty(), Optional.of(" , "), "", Optional.of("s"), 5000, 30000));
  }

  @Test
  void refusesAConfiguredUrlThatIsNotHttp() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebhookSettings.fromConfig(
                Optional.of("ftp://hooks.example.com/"),
                Optional.empty(),
                "",
                Optional.of("s"),
                1,
                1));
  }

  @Test
  void allowsTheConfiguredUrlsHostBesideTheListedOnes() {
    WebhookSettings settings =
        WebhookSettings.fromConfig(
            Optional.of("https://hooks.example.com/in"),
            Optional.of("partner.example"),
            "",
            Optional.of("s"),
            5000,
            30000);
    assertEquals(
        Set.of("hooks.example.com:443", "partner.example"), settings.allowedHosts().hosts());
  }

  @Test
  void refusesAnInternalNetworkThatIsNotACidrBlock() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                WebhookSettings.fromConfig(
                    Optional.empty(),
                    Optional.of("a.example"),
                    "intranet.example",
                    Optional.of("s"),
                    1,
                    1));
    assertTrue(refused.getMessage().contains("intranet.example"), refused.getMessage());
  }

  @Test
  void keepsTheSecretOutOfItsText() {
    WebhookSettings settings =
        WebhookSettings.fromConfig(
            Optional.empty(), Optional.of("a.example"), "", Optional.of("whsec_hush"), 1, 1);
    assertFalse(settings.toString().contains("whsec_hush"));
  }
}
