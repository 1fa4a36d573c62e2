package io.taskqueue.queue.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.store.control.RedisKeys;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** What reconciliation asks Redis before it decides to sweep, against a real Redis. */
class SweepMarksIT {

  private static RedisClient redis;
  private final RedisKeys keys = new RedisKeys("test-" + UUID.randomUUID());
  private final SweepMarks marks = new SweepMarks(redis, keys);

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(TestServices.endpoints().redisUrl());
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Test
  void theRunIdIsRedisOwnAndStaysWhileRedisRuns() {
    String runId = marks.runId();
    assertEquals(40, runId.length(), runId); // 40 hex characters
    assertEquals(runId, marks.runId());
  }

  @Test
  void aNodeSeesItsOwnMarkOnlyUntilItIsLostOrExpires() {
    assertFalse(marks.marked("node-a"));
    marks.mark("node-a", Duration.ofMinutes(1));
    assertTrue(marks.marked("node-a"));
    assertFalse(marks.marked("node-b"));
    assertTrue(redis.pttl(keys.sweptBy("node-a")) > 0, "the mark expires");

    redis.del(keys.sweptBy("node-a")); // what a FLUSHALL or an empty restart does to it
    assertFalse(marks.marked("node-a"));

    marks.mark("node-a", Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> !marks.marked("node-a"));
  }
}
