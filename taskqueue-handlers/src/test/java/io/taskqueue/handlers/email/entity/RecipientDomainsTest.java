package io.taskqueue.handlers.email.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecipientDomainsTest {

  @Test
  void exactDomainsDomainsWithTheirSubdomainsOrAnything() {
    RecipientDomains domains = RecipientDomains.parse(" Shop.example , .partner.example");
    assertTrue(domains.allows("ada@shop.example"));
    assertTrue(domains.allows("ada@SHOP.example"));
    assertFalse(domains.allows("ada@eu.shop.example"));
    assertTrue(domains.allows("bob@partner.example"));
    assertTrue(domains.allows("bob@eu.partner.example"));
    assertFalse(domains.allows("eve@evilpartner.example"));
    assertFalse(domains.allows("eve@shop.example.evil"));
    assertTrue(RecipientDomains.parse("*").allows("anyone@anywhere.example"));
  }

  @Test
  void anEmptyListIsAMistakeNotAPolicy() {
    assertThrows(IllegalArgumentException.class, () -> RecipientDomains.parse(" , "));
  }
}
