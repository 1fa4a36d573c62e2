package io.taskqueue.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  @Test
  void anAdminHoldsEveryRoleAndAnOperatorAlsoViews() {
    assertEquals(
        Set.of("admin", "operator", "submitter", "viewer"),
        Caller.of("root", List.of(Role.ADMIN), "key").roles());
    assertEquals(
        Set.of("operator", "viewer"), Caller.of("ops", List.of(Role.OPERATOR), "jwt").roles());
  }

  @Test
  void aSubmitterIsNotAViewerAndReadsOnlyItsOwnJobs() {
    Caller ci = Caller.of("ci", List.of(Role.SUBMITTER), "key");
    assertFalse(ci.has(Role.VIEWER));
    assertFalse(ci.readsAllJobs());
    assertTrue(Caller.of("both", List.of(Role.SUBMITTER, Role.VIEWER), "key").readsAllJobs());
  }

  @Test
  void callersAreIdentifiedByHowTheySignedInSoAKeyAndAUserOfOneNameDiffer() {
    assertEquals("key:alice", Caller.of("alice", List.of(Role.VIEWER), "key").id());
    assertEquals("jwt:alice", Caller.of("alice", List.of(Role.VIEWER), "jwt").id());
  }
}
