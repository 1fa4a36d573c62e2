package io.taskqueue.bench.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Request bodies of {@code noop} jobs with a payload of about 100 bytes, a typical small job. Every
 * job is the same, so each body is built once and reused: the bench should spend its CPU on
 * sending, not on JSON.
 */
public final class JobBodies {

  public static final String TYPE = "noop";

  private static final JsonObject JOB =
      Json.createObjectBuilder()
          .add("type", TYPE)
          .add("payload", Json.createObjectBuilder().add("data", "x".repeat(80)))
          .build();

  private static final String SINGLE = JOB.toString();

  private static final Map<Integer, String> BATCHES = new ConcurrentHashMap<>();

  private JobBodies() {}

  /** For {@code POST /api/jobs}. */
  public static String single() {
    return SINGLE;
  }

  /** For {@code POST /api/jobs/batch}: a JSON array of {@code size} jobs. */
  public static String batch(int size) {
    return BATCHES.computeIfAbsent(
        size,
        n -> {
          JsonArrayBuilder jobs = Json.createArrayBuilder();
          for (int i = 0; i < n; i++) {
            jobs.add(JOB);
          }
          return jobs.build().toString();
        });
  }
}
