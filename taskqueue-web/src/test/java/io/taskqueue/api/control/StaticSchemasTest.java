package io.taskqueue.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.job.entity.BatchSubmitted;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.SubmitJobRequest;
import io.taskqueue.queue.entity.QueueOverview;
import io.taskqueue.recurring.entity.ScheduleRequest;
import io.taskqueue.retention.entity.RetentionAges;
import io.taskqueue.retention.entity.RetentionChange;
import io.taskqueue.retention.entity.RetentionRun;
import io.taskqueue.retention.entity.RetentionView;
import io.taskqueue.security.entity.AuditPage;
import io.taskqueue.security.entity.AuditRecord;
import io.taskqueue.stats.entity.JobStats;
import io.taskqueue.stats.entity.WindowStats;
import io.taskqueue.worker.boundary.WorkersResource;
import io.taskqueue.worker.entity.NodeHealth;
import io.taskqueue.worker.entity.WorkerHealth;
import io.taskqueue.workflow.entity.WorkflowCreated;
import io.taskqueue.workflow.entity.WorkflowJobRequest;
import io.taskqueue.workflow.entity.WorkflowRequest;
import io.taskqueue.workflow.entity.WorkflowView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The schemas written by hand in {@code META-INF/openapi.json} (for request bodies, which Payara
 * describes as bare objects, and for views whose records live in taskqueue-ejb, which it does not
 * scan) name exactly the fields of the records that JSON-B reads and writes: a field added, renamed
 * or removed in a record fails here until the document says so too.
 */
class StaticSchemasTest {

  private static final Map<String, Class<? extends Record>> RECORDS =
      Map.ofEntries(
          Map.entry("SubmitJobRequest", SubmitJobRequest.class),
          Map.entry("RetryPolicy", RetryPolicy.class),
          Map.entry("BatchSubmitted", BatchSubmitted.class),
          Map.entry("ScheduleRequest", ScheduleRequest.class),
          Map.entry("WorkflowRequest", WorkflowRequest.class),
          Map.entry("WorkflowJobRequest", WorkflowJobRequest.class),
          Map.entry("WorkflowCreated", WorkflowCreated.class),
          Map.entry("WorkflowCreatedJob", WorkflowCreated.Created.class),
          Map.entry("WorkflowView", WorkflowView.class),
          Map.entry("WorkflowMember", WorkflowView.Member.class),
          Map.entry("JobStats", JobStats.class),
          Map.entry("WindowStats", WindowStats.class),
          Map.entry("Workers", WorkersResource.Workers.class),
          Map.entry("NodeHealth", NodeHealth.class),
          Map.entry("WorkerHealth", WorkerHealth.class),
          Map.entry("QueueOverview", QueueOverview.class),
          Map.entry("RetentionView", RetentionView.class),
          Map.entry("RetentionAges", RetentionAges.class),
          Map.entry("RetentionRun", RetentionRun.class),
          Map.entry("AuditPage", AuditPage.class),
          Map.entry("AuditRecord", AuditRecord.class));

  /** Schemas that are no record's: a list of requests, an enumeration, and a map by name. */
  private static final Map<String, Set<String>> OTHERS =
      Map.of(
          "SubmitJobBatch", Set.of(),
          "Priority", Set.of(),
          "RetentionChange", RetentionChange.COLUMNS.keySet());

  @Test
  void everyHandWrittenSchemaNamesItsRecordsFields() throws Exception {
    JsonObject schemas;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.json")) {
      schemas =
          Json.createReader(in).readObject().getJsonObject("components").getJsonObject("schemas");
    }
    Set<String> known = new TreeSet<>(RECORDS.keySet());
    known.addAll(OTHERS.keySet());
    assertEquals(known, new TreeSet<>(schemas.keySet()), "a new schema needs its record here");
    for (String name : schemas.keySet()) {
      Set<String> expected =
          RECORDS.containsKey(name)
              ? Arrays.stream(RECORDS.get(name).getRecordComponents())
                  .map(RecordComponent::getName)
                  .collect(Collectors.toCollection(TreeSet::new))
              : new TreeSet<>(OTHERS.get(name));
      JsonObject properties = schemas.getJsonObject(name).getJsonObject("properties");
      Set<String> described = properties == null ? Set.of() : new TreeSet<>(properties.keySet());
      assertEquals(expected, described, name);
    }
  }
}
