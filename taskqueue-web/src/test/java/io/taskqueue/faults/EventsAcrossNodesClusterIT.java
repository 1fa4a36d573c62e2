package io.taskqueue.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.PayaraMicroProcess;
import io.taskqueue.support.Api;
import io.taskqueue.support.Api.Reply;
import io.taskqueue.support.EventClient;
import io.taskqueue.support.EventClient.Received;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two nodes: one only serves the API and the feed, the other only runs jobs. A client of the first
 * hears, in order, every step of jobs the second ran; and hears the second go down when it is
 * killed, within the heartbeat TTL, after which the worker list no longer shows it.
 */
class EventsAcrossNodesClusterIT {

  private static final int JOBS = 200;

  @Test
  void aClientOfOneNodeHearsInOrderWhatAWorkerOnAnotherNodeDid() throws Exception {
    FaultCluster cluster = new FaultCluster("events_across");
    Map<String, String> quickHeartbeat =
        Map.of("TASKQUEUE_HEARTBEAT_MS", "500", "TASKQUEUE_HEARTBEAT_TTL_MS", "3000");
    List<PayaraMicroProcess> nodes = new ArrayList<>();
    try {
      PayaraMicroProcess front =
          cluster.start("front", FaultCluster.withWorkers(quickHeartbeat, "0"));
      nodes.add(front);
      PayaraMicroProcess back =
          cluster.start("back", FaultCluster.withWorkers(quickHeartbeat, "2"));
      nodes.add(back);
      Api api = new Api(new URL("http://127.0.0.1:" + front.httpPort() + "/"));

      try (EventClient feed = EventClient.listening(front.httpPort(), "")) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
          Reply reply = api.post("api/jobs", "{\"type\":\"echo\",\"payload\":{\"i\":" + i + "}}");
          assertEquals(201, reply.status(), reply.body());
          ids.add(reply.json().getString("id"));
        }
        await()
            .atMost(120, SECONDS)
            .until(
                () ->
                    feed.received(j -> "job.completed".equals(j.getString("type", ""))).size()
                        >= JOBS);

        for (String id : ids) {
          List<Received> events = feed.received(j -> id.equals(j.getString("jobId", null)));
          assertEquals(
              List.of("job.created", "job.started", "job.completed"),
              events.stream().map(Received::type).toList(),
              "events of " + id);
          assertTrue(events.get(1).json().getString("workerId").startsWith("back/w"));
        }
        List<Long> latencies = new ArrayList<>();
        for (Received r : feed.received(j -> j.containsKey("jobId"))) {
          latencies.add(
              Duration.between(java.time.Instant.parse(r.json().getString("timestamp")), r.at())
                  .toMillis());
        }
        latencies.sort(null);
        System.out.printf(
            "EVENTS across nodes: jobs=%d events=%d in order; event time to receipt ms"
                + " p50=%d p99=%d max=%d%n",
            JOBS,
            latencies.size(),
            latencies.get(latencies.size() / 2),
            latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1),
            latencies.get(latencies.size() - 1));

        long killedAt = System.nanoTime();
        back.kill();
        await()
            .atMost(15, SECONDS)
            .until(
                () ->
                    !feed.received(
                            j ->
                                "worker.down".equals(j.getString("type", ""))
                                    && "back".equals(j.getString("workerId", "")))
                        .isEmpty());
        long reportedMillis = (System.nanoTime() - killedAt) / 1_000_000;
        String workers = api.get("api/workers").body();
        assertTrue(!workers.contains("\"back\"") && workers.contains("\"front\""), workers);
        System.out.printf(
            "EVENTS node killed: worker.down heard after %d ms (heartbeat TTL 3000 ms)%n",
            reportedMillis);
      }
    } finally {
      for (PayaraMicroProcess node : nodes) {
        node.kill();
      }
    }
  }
}
