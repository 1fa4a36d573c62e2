package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.taskqueue.JobHandler;
import io.taskqueue.api.control.ProblemException;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TypeAccessTest {

  private final TypeAccess access = new TypeAccess();
  private final Caller submitter = Caller.of("ci", List.of(Role.SUBMITTER), "key");

  TypeAccessTest() {
    access.handlers = mock(JobHandlers.class);
    when(access.handlers.forType(anyString())).thenReturn(Optional.empty());
    when(access.handlers.forType("report")).thenReturn(Optional.of(mock(JobHandler.class)));
    when(access.handlers.forType("echo")).thenReturn(Optional.of(mock(JobHandler.class)));
    when(access.handlers.knownTypes())
        .thenReturn(new java.util.TreeSet<>(List.of("echo", "report")));
    access.configuredRoles = type -> type.equals("report") ? List.of("admin") : List.of();
  }

  @Test
  void aRestrictedTypeNeedsOneOfItsRoles() {
    assertEquals(
        403,
        assertThrows(ProblemException.class, () -> access.check(submitter, "report"))
            .problem()
            .status());
    assertDoesNotThrow(
        () ->
            access.check(Caller.of("root", List.of(Role.SUBMITTER, Role.ADMIN), "key"), "report"));
  }

  @Test
  void typeNamesCallersMakeUpAreNeverRemembered() {
    String huge = "t".repeat(1 << 20);
    for (int i = 0; i < 1_000; i++) {
      access.check(submitter, huge + i);
    }
    assertThrows(ProblemException.class, () -> access.check(submitter, "report"));

    assertEquals(1, access.remembered(), "only the type with a handler");
  }

  @Test
  void actingOnEveryTypeNeedsTheRightToSubmitEachRestrictedOne() {
    ProblemException refused =
        assertThrows(ProblemException.class, () -> access.requireAllKnownTypes(submitter));
    assertEquals(403, refused.problem().status());
    assertEquals(
        "Jobs of the types report need roles you do not hold; name a type you may submit.",
        refused.problem().detail());
    assertDoesNotThrow(
        () -> access.requireAllKnownTypes(Caller.of("root", List.of(Role.ADMIN), "key")));
  }
}
