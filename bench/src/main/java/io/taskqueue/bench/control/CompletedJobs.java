package io.taskqueue.bench.control;

import io.taskqueue.bench.entity.FinishedJob;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the server's timestamps of given completed jobs by paging through {@code GET
 * /api/jobs?type=noop&status=completed}, newest first. Ids are UUIDv7 (time ordered), so the jobs a
 * run just submitted are on the first pages; the search stops once all are found, or after a few
 * pages more than they could fill when others' jobs are mixed in.
 */
public final class CompletedJobs {

  private static final int PAGE = 200;
  private static final int SPARE_PAGES = 20;

  private final TaskqueueApi api;

  public CompletedJobs(TaskqueueApi api) {
    this.api = api;
  }

  public Map<String, FinishedJob> find(Set<String> ids) throws Exception {
    Set<String> missing = new HashSet<>(ids);
    Map<String, FinishedJob> found = new HashMap<>();
    int pages = ids.size() / PAGE + SPARE_PAGES;
    String cursor = null;
    for (int page = 0; page < pages && !missing.isEmpty(); page++) {
      String query =
          "/api/jobs?type="
              + JobBodies.TYPE
              + "&status=completed&limit="
              + PAGE
              + (cursor == null
                  ? ""
                  : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
      JsonObject result = api.get(query);
      for (JsonObject job : result.getJsonArray("items").getValuesAs(JsonObject.class)) {
        String id = job.getString("id");
        if (missing.remove(id)) {
          found.put(id, finished(job));
        }
      }
      if (!result.containsKey("nextCursor") || result.isNull("nextCursor")) {
        break;
      }
      cursor = result.getString("nextCursor");
    }
    return found;
  }

  private static FinishedJob finished(JsonObject job) {
    return new FinishedJob(
        job.getString("id"),
        Instant.parse(job.getString("createdAt")),
        Instant.parse(job.getString("startedAt")),
        Instant.parse(job.getString("finishedAt")));
  }
}
