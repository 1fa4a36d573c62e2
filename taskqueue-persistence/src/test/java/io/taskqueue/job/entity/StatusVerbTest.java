package io.taskqueue.job.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusVerbTest {

  @Test
  void everyVerbMovesOnlyAlongTheTable() {
    for (StatusVerb verb : StatusVerb.values()) {
      for (JobStatus from : JobStatus.values()) {
        if (verb.appliesTo(from)) {
          assertTrue(AllowedStatusChanges.isAllowed(from, verb.target()), verb + " from " + from);
        }
      }
    }
  }

  @Test
  void theVerbsTogetherUseEveryMoveTheTableAllows() {
    Set<String> used = new HashSet<>();
    for (StatusVerb verb : StatusVerb.values()) {
      verb.sources().forEach(from -> used.add(from + ">" + verb.target()));
    }
    Set<String> allowed = new HashSet<>();
    for (JobStatus from : JobStatus.values()) {
      AllowedStatusChanges.from(from).forEach(to -> allowed.add(from + ">" + to));
    }
    assertEquals(allowed, used);
  }

  @Test
  void nothingLeavesCompletedAndOnlyOperatorsRaiseTheDead() {
    for (StatusVerb verb : StatusVerb.values()) {
      assertTrue(!verb.appliesTo(JobStatus.COMPLETED), verb.name());
      assertEquals(verb == StatusVerb.OPERATOR_RETRY, verb.appliesTo(JobStatus.DEAD), verb.name());
    }
  }

  @Test
  void aGuardIsTheSqlListOfItsSources() {
    assertEquals("('RUNNING')", StatusVerb.COMPLETE.guard());
    assertEquals("('DEAD', 'CANCELLED')", StatusVerb.OPERATOR_RETRY.guard());
  }
}
