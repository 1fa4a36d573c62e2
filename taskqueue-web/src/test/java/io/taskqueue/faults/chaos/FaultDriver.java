package io.taskqueue.faults.chaos;

import io.taskqueue.faults.chaos.FaultLog.Fault;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import redis.clients.jedis.RedisClient;

/**
 * Injects one fault every 1 to 5 s until the deadline. Faults are dealt from a shuffled deck that
 * holds each kind once, so a short run still sees every kind; the seed fixes the order of the deck,
 * the targets and the outage lengths. Each fault undoes itself before the next (a frozen node is
 * thawed, Redis and PostgreSQL are started again) except a killed node, which boots in the
 * background (or, killed while PostgreSQL is down, deploys before the database returns); at most
 * one node is down at a time so that submissions always have somewhere to go.
 */
final class FaultDriver implements Runnable {

  private final ChaosNodes nodes;
  private final OwnedRedis redis;
  private final OwnedPostgres postgres;
  private final Operator operator;
  private final FaultLog log;
  private final Ledger ledger;
  private final Random random;
  private final long deadlineNanos;
  private static final Duration DEPLOYED_WHILE_DOWN = Duration.ofSeconds(120);

  private final Deque<Fault> deck = new ArrayDeque<>();

  FaultDriver(
      ChaosNodes nodes,
      OwnedRedis redis,
      OwnedPostgres postgres,
      Operator operator,
      FaultLog log,
      Ledger ledger,
      long seed,
      long deadlineNanos) {
    this.nodes = nodes;
    this.redis = redis;
    this.postgres = postgres;
    this.operator = operator;
    this.log = log;
    this.ledger = ledger;
    this.random = new Random(seed);
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public void run() {
    try {
      while (System.nanoTime() < deadlineNanos && !Thread.currentThread().isInterrupted()) {
        Thread.sleep(1_000 + random.nextInt(4_000));
        if (System.nanoTime() >= deadlineNanos) {
          break;
        }
        Fault fault = draw();
        String at = ledger.now();
        try {
          log.add(at, fault, inject(fault));
        } catch (InterruptedException e) {
          throw e;
        } catch (Exception e) {
          log.add(at, fault, "FAILED to inject: " + e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Fault draw() {
    if (deck.isEmpty()) {
      List<Fault> kinds = new ArrayList<>(List.of(Fault.values()));
      Collections.shuffle(kinds, random);
      deck.addAll(kinds);
    }
    return deck.poll();
  }

  private String inject(Fault fault) throws Exception {
    int node = random.nextInt(nodes.count());
    return switch (fault) {
      case NODE_SIGKILL -> {
        if (nodes.upCount() < nodes.count()) {
          yield "skipped: a node is still booting";
        }
        nodes.killAndRestart(node);
        yield ChaosNodes.name(node) + " killed; booting again in the background";
      }
      case NODE_SIGSTOP_SIGCONT -> {
        if (!nodes.isUp(node)) {
          yield "skipped: " + ChaosNodes.name(node) + " is booting";
        }
        long frozen = 2_000 + random.nextInt(6_001);
        nodes.signal(node, "STOP");
        try {
          Thread.sleep(frozen);
        } finally {
          nodes.signal(node, "CONT");
        }
        yield ChaosNodes.name(node) + " frozen for " + frozen + " ms";
      }
      case REDIS_FLUSHALL -> {
        try (RedisClient client = RedisClient.create(redis.url())) {
          client.flushAll();
        }
        yield "all keys gone";
      }
      case REDIS_SIGKILL_AOF_RESTART -> {
        long down = 1_000 + random.nextInt(4_001);
        redis.kill();
        Thread.sleep(down);
        redis.start();
        yield "down for " + down + " ms, restarted from its append-only file";
      }
      case POSTGRES_IMMEDIATE_RESTART -> {
        long down = 1_000 + random.nextInt(7_001);
        postgres.stopImmediately();
        Thread.sleep(down);
        postgres.start();
        yield "immediate stop, down for " + down + " ms (+ start)";
      }
      case NODE_RESTART_WHILE_POSTGRES_DOWN -> {
        if (nodes.upCount() < nodes.count()) {
          yield "skipped: a node is still booting";
        }
        postgres.stopImmediately();
        try {
          nodes.killAndRestart(node);
          // PostgreSQL stays away until the new JVM has deployed and says what it waits for: the
          // node must come up by itself once the database is back.
          boolean deployed = nodes.awaitDeployed(node, DEPLOYED_WHILE_DOWN);
          yield ChaosNodes.name(node)
              + " killed and booted while PostgreSQL was down ("
              + (deployed ? "deployed and waiting" : "not deployed within 120 s")
              + ")";
        } finally {
          postgres.start();
        }
      }
      case CANCEL_STORM -> operator.storm("cancel", 10 + random.nextInt(31));
      case RETRY_STORM -> operator.storm("retry", 10 + random.nextInt(31));
      case PAUSE_STORM -> operator.pauseStorm(1 + random.nextInt(3));
    };
  }
}
