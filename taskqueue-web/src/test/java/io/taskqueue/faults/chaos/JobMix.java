package io.taskqueue.faults.chaos;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

/**
 * The kinds of jobs the soak submits, and a seeded choice among them. Delays stay short (at most 10
 * s) so that delayed jobs are due well within the final quiet period.
 */
final class JobMix {

  /** A kind of job, and what the operator later does to it. */
  enum Kind {
    /** noop or echo: done at once. */
    INSTANT,
    /** sleep 200 to 2,000 ms: often running when a fault hits. */
    SLOW,
    /** fails its first one or two attempts, then succeeds. */
    FLAKY,
    /** always fails, one or two attempts: dies, and the operator retries it once. */
    DOOMED_THEN_RETRIED,
    /** sleeps 3 to 6 s and is cancelled by the operator; half of them retried after. */
    CANCELLED,
    /** runs 1 to 10 s from now, by delayMs or by runAt. */
    DELAYED
  }

  /** One job to submit. */
  record Planned(Kind kind, JsonObject request) {}

  /** Percent of jobs of each kind, in the order of {@link Kind}. */
  private static final int[] PERCENT = {35, 20, 15, 8, 10, 12};

  private static final String[] PRIORITIES = {"high", "medium", "low"};

  private final Random random;

  JobMix(Random random) {
    this.random = random;
  }

  Planned next() {
    Kind kind = pickKind();
    JsonObjectBuilder job =
        Json.createObjectBuilder().add("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
    switch (kind) {
      case INSTANT -> {
        if (random.nextBoolean()) {
          job.add("type", "noop");
        } else {
          job.add("type", "echo")
              .add("payload", Json.createObjectBuilder().add("n", random.nextInt()));
        }
      }
      case SLOW -> job.add("type", "sleep").add("payload", sleep(200 + random.nextInt(1_801)));
      case FLAKY ->
          job.add("type", "fail")
              .add("payload", Json.createObjectBuilder().add("times", 1 + random.nextInt(2)))
              .add("maxAttempts", 6);
      case DOOMED_THEN_RETRIED -> job.add("type", "fail").add("maxAttempts", 1 + random.nextInt(2));
      case CANCELLED ->
          job.add("type", "sleep").add("payload", sleep(3_000 + random.nextInt(3_001)));
      case DELAYED -> {
        job.add("type", random.nextBoolean() ? "noop" : "sleep").add("payload", sleep(100));
        long delay = 1_000 + random.nextInt(9_001);
        if (random.nextBoolean()) {
          job.add("delayMs", delay);
        } else {
          job.add(
              "runAt", OffsetDateTime.now(ZoneOffset.UTC).plusNanos(delay * 1_000_000).toString());
        }
      }
    }
    return new Planned(kind, job.build());
  }

  private Kind pickKind() {
    int roll = random.nextInt(100);
    for (Kind kind : Kind.values()) {
      roll -= PERCENT[kind.ordinal()];
      if (roll < 0) {
        return kind;
      }
    }
    throw new IllegalStateException("the percentages add up to less than 100");
  }

  private static JsonObjectBuilder sleep(int ms) {
    return Json.createObjectBuilder().add("ms", ms);
  }
}
