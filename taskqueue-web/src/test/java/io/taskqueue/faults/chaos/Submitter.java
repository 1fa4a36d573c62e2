package io.taskqueue.faults.chaos;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Submits jobs through one node until the deadline, one at a time or in batches of 2 to 10, and
 * records what was acknowledged. Jobs that the operator should cancel or retry are handed to the
 * {@link Operator}. Requests to a node that is down or frozen fail fast or time out and are only
 * counted: their jobs may still have been stored, which the final check covers by checking every
 * stored job, not just acknowledged ones.
 */
final class Submitter implements Runnable {

  private final int node;
  private final ChaosNodes nodes;
  private final ChaosHttp http;
  private final Ledger ledger;
  private final Operator operator;
  private final Random random;
  private final JobMix mix;
  private final long deadlineNanos;

  Submitter(
      int node,
      ChaosNodes nodes,
      ChaosHttp http,
      Ledger ledger,
      Operator operator,
      long seed,
      long deadlineNanos) {
    this.node = node;
    this.nodes = nodes;
    this.http = http;
    this.ledger = ledger;
    this.operator = operator;
    this.random = new Random(seed);
    this.mix = new JobMix(new Random(seed ^ 0x5DEECE66DL));
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void run() {
    try {
      while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
        if (nodes.isUp(node)) {
          if (random.nextInt(100) < 70) {
            submitOne();
          } else {
            submitBatch(2 + random.nextInt(9));
          }
        }
        Thread.sleep(100 + random.nextInt(500));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      // A thread boundary: say why this node's submissions stopped instead of dying silently.
      System.out.println("CHAOS submitter of " + ChaosNodes.name(node) + " stopped: " + t);
    }
  }

  private void submitOne() {
    JobMix.Planned job = mix.next();
    ChaosHttp.Reply reply = http.post(nodes.port(node), "/api/jobs", job.request().toString());
    ledger.count("submit " + reply.status());
    if (reply.ok()) {
      acknowledged(
          List.of(job),
          List.of(UUID.fromString(json(reply.body()).getString("id"))),
          reply.status());
    }
  }

  private void submitBatch(int size) {
    List<JobMix.Planned> jobs = new ArrayList<>();
    JsonArrayBuilder batch = Json.createArrayBuilder();
    for (int i = 0; i < size; i++) {
      JobMix.Planned job = mix.next();
      jobs.add(job);
      batch.add(job.request());
    }
    ChaosHttp.Reply reply =
        http.post(nodes.port(node), "/api/jobs/batch", batch.build().toString());
    ledger.count("batch " + reply.status());
    if (reply.ok()) {
      List<UUID> ids =
          json(reply.body()).getJsonArray("ids").getValuesAs(JsonValue.class).stream()
              .map(v -> UUID.fromString(((jakarta.json.JsonString) v).getString()))
              .toList();
      acknowledged(jobs, ids, reply.status());
    }
  }

  private void acknowledged(List<JobMix.Planned> jobs, List<UUID> ids, int status) {
    for (int i = 0; i < ids.size(); i++) {
      ledger.acknowledged(ids.get(i), jobs.get(i).kind(), ChaosNodes.name(node), status);
      operator.plan(ids.get(i), jobs.get(i).kind());
    }
  }

  private static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }
}
