package io.taskqueue.api;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.client.ConflictException;
import io.taskqueue.client.DeadQuery;
import io.taskqueue.client.EventFeed.Subscription;
import io.taskqueue.client.InvalidRequestException;
import io.taskqueue.client.JobQuery;
import io.taskqueue.client.NotFoundException;
import io.taskqueue.client.TaskQueueClient;
import io.taskqueue.client.UnauthorizedException;
import io.taskqueue.client.entity.ApiKey;
import io.taskqueue.client.entity.Event;
import io.taskqueue.client.entity.Job;
import io.taskqueue.client.entity.JobRequest;
import io.taskqueue.client.entity.JobStatus;
import io.taskqueue.client.entity.KeyRequest;
import io.taskqueue.client.entity.Priority;
import io.taskqueue.client.entity.Schedule;
import io.taskqueue.client.entity.ScheduleRequest;
import io.taskqueue.client.entity.WorkflowCreated;
import io.taskqueue.client.entity.WorkflowJob;
import io.taskqueue.client.entity.WorkflowRequest;
import io.taskqueue.support.Api;
import io.taskqueue.support.DeployedWar;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * taskqueue-client against the deployed application: every operation that {@code /openapi}
 * publishes is called through it (an endpoint the client cannot reach fails here), and what it
 * promises on top of HTTP holds against the real server: typed problems, idempotent submits, the
 * event feed.
 */
class JavaClientIT extends DeployedWar {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(50);

  private final Set<String> called = ConcurrentHashMap.newKeySet();
  private TaskQueueClient client;

  @BeforeEach
  void connect() {
    client =
        TaskQueueClient.builder(base())
            .apiKey(Api.ADMIN_KEY)
            .observer((operation, status, took) -> called.add(operation))
            .build();
  }

  @Test
  void theClientReachesEveryPublishedOperation() {
    assertTrue(client.me().roles().contains("admin"));
    assertNotNull(client.stats().totals());
    assertFalse(client.workers().nodes().isEmpty());
    assertNotNull(client.queues().overview().waiting());
    assertFalse(client.wsTicket().ticket().isEmpty());

    // jobs
    Job echo =
        client
            .jobs()
            .submit(JobRequest.of("echo", Map.of("to", "ada")).withPriority(Priority.HIGH));
    Job done = client.jobs().awaitFinal(echo.id(), PATIENCE, POLL);
    assertEquals("completed", done.status());
    assertEquals("ada", done.result().asJsonObject().getString("to"));
    assertEquals(1, client.jobs().attempts(echo.id()).size());
    assertNotNull(client.jobs().dependencies(echo.id()));
    assertNotNull(client.jobs().logs(echo.id(), 0, 10).lines());
    assertTrue(
        client
            .jobs()
            .list(JobQuery.all().withType("echo"))
            .anyMatch(j -> j.id().equals(echo.id())));
    assertEquals(
        2, client.jobs().submitAll(List.of(JobRequest.of("noop"), JobRequest.of("noop"))).count());
    Job later = client.jobs().submit(JobRequest.of("noop").withDelay(Duration.ofHours(1)));
    assertEquals("cancelled", client.jobs().cancel(later.id()).status());
    assertEquals("queued", client.jobs().retry(later.id()).status());

    // dead letters
    Job failing = client.jobs().submit(JobRequest.of("fail").withMaxAttempts(1));
    assertEquals("dead", client.jobs().awaitFinal(failing.id(), PATIENCE, POLL).status());
    DeadQuery failed = DeadQuery.all().withType("fail");
    assertTrue(client.deadLetters().list(failed).anyMatch(j -> j.id().equals(failing.id())));
    assertTrue(client.deadLetters().retry(failed) >= 1);
    assertEquals("dead", client.jobs().awaitFinal(failing.id(), PATIENCE, POLL).status());
    assertTrue(client.deadLetters().delete(failed) >= 1);
    assertThrows(NotFoundException.class, () -> client.jobs().get(failing.id()));

    // queues
    assertTrue(client.queues().pause(Priority.LOW).paused());
    assertFalse(client.queues().resume(Priority.LOW).paused());

    // schedules
    String name = "client-it-" + UUID.randomUUID().toString().substring(0, 8);
    Schedule created =
        client
            .schedules()
            .create(
                ScheduleRequest.of(name, "0 3 * * *", JobRequest.of("noop"))
                    .withTimeZone("Europe/Berlin"));
    assertEquals("Europe/Berlin", created.timeZone());
    assertEquals(name, client.schedules().get(name).name());
    assertTrue(client.schedules().list().anyMatch(s -> s.name().equals(name)));
    assertEquals(3, client.schedules().preview("*/5 * * * *", "UTC", 3).nextFireTimes().size());
    assertEquals(
        "0 4 * * *",
        client
            .schedules()
            .update(name, ScheduleRequest.of(name, "0 4 * * *", JobRequest.of("noop")))
            .cron());
    assertTrue(client.schedules().pause(name).paused());
    assertFalse(client.schedules().resume(name).paused());
    assertEquals(name, client.schedules().run(name).schedule());
    client.schedules().delete(name);
    assertThrows(NotFoundException.class, () -> client.schedules().get(name));

    // workflows
    WorkflowCreated workflow =
        client
            .workflows()
            .submit(
                WorkflowRequest.of(
                    WorkflowJob.of("first", JobRequest.of("noop")),
                    WorkflowJob.of("second", JobRequest.of("noop"), "first")));
    UUID second = workflow.jobs().get(1).id();
    assertEquals("completed", client.jobs().awaitFinal(second, PATIENCE, POLL).status());
    assertEquals(2, client.workflows().get(workflow.workflowId()).jobs().size());
    assertEquals(0, client.workflows().cancel(workflow.workflowId()), "nothing left to cancel");

    // keys, audit, retention
    ApiKey key =
        client
            .keys()
            .create(
                new KeyRequest(
                    "client-it-" + UUID.randomUUID().toString().substring(0, 8),
                    List.of("viewer"),
                    null));
    assertTrue(key.secret().startsWith("tq_"));
    assertTrue(client.keys().list().stream().anyMatch(k -> k.id().equals(key.id())));
    assertEquals("revoked", client.keys().revoke(key.id()).state());
    assertTrue(client.audit(null, "key.revoke").findFirst().isPresent());
    int auditDays = client.retention().get().auditDays();
    Map<String, Integer> unchanged = new HashMap<>();
    unchanged.put("auditDays", auditDays);
    assertEquals(auditDays, client.retention().change(unchanged).auditDays());

    Set<String> published = publishedOperations();
    assertEquals(published, new TreeSet<>(called), "operations the client called vs published");
  }

  @Test
  void refusalsArriveAsTypedProblems() {
    InvalidRequestException invalid =
        assertThrows(
            InvalidRequestException.class,
            () -> client.jobs().submit(JobRequest.of("echo").withMaxAttempts(0)));
    assertEquals("urn:taskqueue:problem:invalid-job", invalid.problem().type());
    assertTrue(invalid.problem().detail().contains("maxAttempts"), invalid.getMessage());

    Job later = client.jobs().submit(JobRequest.of("noop").withDelay(Duration.ofHours(1)));
    client.jobs().cancel(later.id());
    assertThrows(ConflictException.class, () -> client.jobs().cancel(later.id()));

    TaskQueueClient stranger =
        TaskQueueClient.builder(base()).apiKey("tq_not-a-key").retries(1, POLL, POLL).build();
    assertThrows(UnauthorizedException.class, stranger::me);
  }

  @Test
  void aSubmitWithAKeyStoresOneJobHoweverOftenItIsSent() {
    String key = UUID.randomUUID().toString();
    Job first = client.jobs().submit(JobRequest.of("noop"), key);
    Job again = client.jobs().submit(JobRequest.of("noop"), key);
    assertEquals(first.id(), again.id());
  }

  @Test
  void theEventFeedTellsAListenerWhatBecameOfAJob() throws Exception {
    List<Event> events = new CopyOnWriteArrayList<>();
    try (Subscription feed = client.events().subscribe(events::add)) {
      Job job = client.jobs().submit(JobRequest.of("echo", Map.of("n", 1)));
      await()
          .atMost(PATIENCE.toSeconds(), SECONDS)
          .until(
              () ->
                  events.stream()
                      .anyMatch(
                          e -> job.id().equals(e.jobId()) && e.type().equals("job.completed")));
      Event completed =
          events.stream()
              .filter(e -> job.id().equals(e.jobId()) && e.type().equals("job.completed"))
              .findFirst()
              .orElseThrow();
      assertEquals("echo", completed.jobType());
      assertNotNull(completed.timestamp());
      assertNotNull(completed.durationMs());
      assertEquals(JobStatus.COMPLETED, JobStatus.of(client.jobs().get(job.id()).status()));
    }
  }

  // --- helpers

  private URI base() {
    return URI.create("http://127.0.0.1:" + deployment.getPort() + deployment.getPath());
  }

  private Set<String> publishedOperations() {
    JsonObject paths = api.getFromRoot("/openapi?format=JSON").json().getJsonObject("paths");
    Set<String> ids = new TreeSet<>();
    paths
        .values()
        .forEach(
            item ->
                item.asJsonObject().values().stream()
                    .map(operation -> operation.asJsonObject().getString("operationId"))
                    .forEach(ids::add));
    return ids;
  }
}
