package io.taskqueue.job.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.taskqueue.JobDefaults;
import io.taskqueue.Priority;
import io.taskqueue.handler.boundary.ClusterTypes;
import io.taskqueue.handler.boundary.JobHandlers;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.SubmitJobRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class JobRulesTest {

  private final JobHandlers handlers = mock(JobHandlers.class);
  private final JobRules rules = rules(handlers);

  private static JobRules rules(JobHandlers handlers) {
    JobRules rules = new JobRules();
    rules.handlers = handlers;
    rules.cluster = new ClusterTypes();
    rules.maxPayloadBytes = 1_000;
    rules.maxBatch = 10;
    rules.maxJsonDepth = 8;
    rules.maxStringLength = 100;
    return rules;
  }

  private void handlerFor(String type, JobDefaults defaults) {
    when(handlers.knownTypes()).thenReturn(new TreeSet<>(List.of(type)));
    when(handlers.defaultsFor(type)).thenReturn(Optional.of(defaults));
  }

  private static SubmitJobRequest submit(String type, Integer maxAttempts) {
    return new SubmitJobRequest(type, null, null, maxAttempts, null, null, null, null);
  }

  @Test
  void everySubmitOfATypeTakesItsHandlersDefaultsUnlessItSaysOtherwise() {
    handlerFor("report", JobDefaults.none().maxAttempts(12).priority(Priority.HIGH));

    NewJob open = rules.check(submit("report", null));
    assertEquals(12, open.maxAttempts());
    assertEquals(io.taskqueue.job.entity.Priority.HIGH, open.priority());
    assertEquals(3, rules.check(submit("report", 3)).maxAttempts());

    List<NewJob> batch = rules.checkBatch(List.of(submit("report", null), submit("report", 1)));
    assertEquals(12, batch.get(0).maxAttempts());
    assertEquals(1, batch.get(1).maxAttempts());
  }

  @Test
  void defaultsThatASubmitCouldNotGiveFailTheDeploymentNamingTheType() {
    handlerFor("report", JobDefaults.none().timeout(Duration.ofDays(2)));
    IllegalStateException e =
        assertThrows(IllegalStateException.class, rules::requireValidDefaults);
    assertTrue(e.getMessage().contains("job type 'report'"), e.getMessage());
    assertTrue(e.getMessage().contains("timeoutMs must be between 1 and"), e.getMessage());

    handlerFor("report", JobDefaults.none().maxAttempts(0));
    assertThrows(IllegalStateException.class, rules::requireValidDefaults);

    handlerFor("report", JobDefaults.none().maxAttempts(100).timeout(Duration.ofHours(24)));
    assertDoesNotThrow(rules::requireValidDefaults);
  }
}
