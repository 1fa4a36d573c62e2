package io.taskqueue.queue.boundary;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.QueuedJob;
import io.taskqueue.launcher.control.TestServices;
import io.taskqueue.lease.boundary.Leases;
import io.taskqueue.queue.entity.Claim;
import io.taskqueue.store.control.RedisKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The Redis scripts (dispatch, leases, the pause switch), run against a real Redis; each test in a
 * key space of its own.
 */
class DispatchQueueIT {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private static RedisClient redis;

  private RedisKeys keys;
  private DispatchQueue queue;
  private Leases leases;
  private PauseSwitch pauses;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(TestServices.endpoints().redisUrl());
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @BeforeEach
  void freshKeySpace() {
    keys = new RedisKeys("test-" + UUID.randomUUID());
    queue = new DispatchQueue(redis, keys);
    leases = new Leases(redis, keys);
    pauses = new PauseSwitch(redis, keys);
  }

  @Test
  void claimTakesEveryHighJobBeforeAnyMediumAndEveryMediumBeforeAnyLowInArrivalOrder() {
    Random random = new Random(7);
    List<List<UUID>> expected = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<QueuedJob> batch = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Priority p = Priority.values()[random.nextInt(3)];
      UUID id = UUID.randomUUID();
      expected.get(p.ordinal()).add(id);
      batch.add(new QueuedJob(id, p));
      if (batch.size() == 37) {
        queue.enqueue(batch);
        batch.clear();
      }
    }
    queue.enqueue(batch);

    List<UUID> claimed = new ArrayList<>();
    List<Priority> priorities = new ArrayList<>();
    Optional<Claim> next;
    while ((next = queue.claim("w1", LEASE, false)).isPresent()) {
      claimed.add(next.get().jobId());
      priorities.add(next.get().priority());
    }
    List<UUID> inOrder = new ArrayList<>();
    expected.forEach(inOrder::addAll);
    assertEquals(inOrder, claimed);
    for (int i = 0; i < claimed.size(); i++) {
      assertTrue(expected.get(priorities.get(i).ordinal()).contains(claimed.get(i)));
    }
  }

  @Test
  void aBatchClaimTakesUpToItsLimitAcrossPrioritiesHighestFirstEachWithItsOwnLease() {
    List<UUID> high = enqueue(Priority.HIGH, 3);
    List<UUID> medium = enqueue(Priority.MEDIUM, 4);
    List<UUID> low = enqueue(Priority.LOW, 5);

    List<Claim> first = queue.claimUpTo(5, "node-a", LEASE, false);
    List<Claim> rest = queue.claimUpTo(100, "node-a", LEASE, false);

    List<UUID> expectedFirst = new ArrayList<>(high);
    expectedFirst.addAll(medium.subList(0, 2));
    assertEquals(expectedFirst, first.stream().map(Claim::jobId).toList());
    List<UUID> expectedRest = new ArrayList<>(medium.subList(2, 4));
    expectedRest.addAll(low);
    assertEquals(expectedRest, rest.stream().map(Claim::jobId).toList());
    assertEquals(12, redis.hlen(keys.lease()), "every claimed job is leased");
    assertEquals(
        12, new HashSet<>(concat(first, rest).stream().map(Claim::leaseId).toList()).size());
    assertTrue(queue.claimUpTo(10, "node-a", LEASE, false).isEmpty());
  }

  @Test
  void aBatchClaimSkipsDuplicatesOfLeasedJobsAndStillFillsItsLimit() {
    List<UUID> ids = enqueue(Priority.MEDIUM, 3);
    Claim held = queue.claim("w1", LEASE, false).orElseThrow();
    queue.enqueue(List.of(new QueuedJob(held.jobId(), Priority.MEDIUM)));
    enqueue(Priority.MEDIUM, 1);

    List<Claim> claims = queue.claimUpTo(3, "w2", LEASE, false);

    assertEquals(3, claims.size());
    assertFalse(claims.stream().anyMatch(c -> c.jobId().equals(held.jobId())));
    assertEquals(ids.subList(1, 3), claims.subList(0, 2).stream().map(Claim::jobId).toList());
  }

  @Test
  void anEmptyClaimDropsTheWakeTokensOfWorkThatIsGone() {
    enqueue(Priority.LOW, 3);
    queue.claimUpTo(3, "w1", LEASE, true);
    assertEquals(3, redis.llen(keys.wake()), "a woken claimer took its token already");

    assertTrue(queue.claimUpTo(3, "w1", LEASE, true).isEmpty());

    assertEquals(0, redis.llen(keys.wake()));
  }

  @Test
  void manyLeasesEndInOneAckAndOnlyTheCallersOwn() {
    enqueue(Priority.HIGH, 3);
    List<Claim> claims = queue.claimUpTo(3, "w1", LEASE, false);
    Claim foreign =
        new Claim(claims.get(2).jobId(), Priority.HIGH, claims.get(2).leaseId() + 99, 0);

    assertEquals(2, queue.ack(List.of(claims.get(0), claims.get(1), foreign)));

    assertEquals(1, redis.hlen(keys.lease()), "the third lease is not the caller's to end");
    assertEquals(1, redis.zcard(keys.inflight()));
  }

  @Test
  void aBatchHeartbeatExtendsTheHeldLeasesAndReportsTheLostOnes() {
    enqueue(Priority.HIGH, 2);
    List<Claim> claims = queue.claimUpTo(2, "w1", Duration.ofMillis(200), false);
    Claim lost = new Claim(claims.get(1).jobId(), Priority.HIGH, claims.get(1).leaseId() + 1, 0);

    List<Claim> reported = leases.extendLeases(List.of(claims.get(0), lost), Duration.ofMinutes(5));

    assertEquals(List.of(lost), reported);
    double deadline = redis.zscore(keys.inflight(), claims.get(0).jobId().toString());
    assertTrue(deadline > System.currentTimeMillis() + 200_000, "deadline moved forward");
  }

  @Test
  void aPausedListIsSkippedKeepsItsJobsAndResumingWakesWorkersForThem() {
    UUID low = UUID.randomUUID();
    UUID medium = UUID.randomUUID();
    pauses.pause(Priority.LOW);
    queue.enqueue(
        List.of(new QueuedJob(low, Priority.LOW), new QueuedJob(medium, Priority.MEDIUM)));
    redis.del(keys.wake());

    assertEquals(medium, queue.claim("w1", Duration.ofSeconds(30), true).orElseThrow().jobId());
    assertTrue(queue.claim("w1", Duration.ofSeconds(30), true).isEmpty(), "low is paused");
    assertEquals(1, redis.llen(keys.queue(Priority.LOW)));

    pauses.syncPaused(java.util.Set.of());
    assertEquals(1, redis.llen(keys.wake()), "one token for the one waiting job");
    assertEquals(low, queue.claim("w1", Duration.ofSeconds(30), true).orElseThrow().jobId());

    pauses.syncPaused(java.util.Set.of(Priority.HIGH));
    queue.enqueue(List.of(new QueuedJob(UUID.randomUUID(), Priority.HIGH)));
    assertTrue(queue.claim("w1", Duration.ofSeconds(30), true).isEmpty(), "high is paused");
  }

  @Test
  void aClaimedJobStaysLeasedUntilItsOwnerAcksIt() {
    UUID id = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(id, Priority.MEDIUM)));
    Claim claim = queue.claim("w1", LEASE, false).orElseThrow();

    assertEquals(id, claim.jobId());
    assertEquals(1, queue.depths().inFlight());
    assertEquals(0, queue.depths().waiting().get(Priority.MEDIUM));
    assertTrue(claim.leaseDeadlineMillis() > System.currentTimeMillis() + 25_000);

    Claim stale = new Claim(id, Priority.MEDIUM, claim.leaseId() + 1, 0);
    assertFalse(queue.ack(stale), "another lease id must not release the lease");
    assertEquals(1, queue.depths().inFlight());

    assertTrue(queue.ack(claim));
    assertEquals(0, queue.depths().inFlight());
    assertFalse(queue.ack(claim), "a lease ends once");
  }

  @Test
  void aFailedAttemptWaitsInTheDelayedSetUntilDueThenReturnsToItsPriority() {
    UUID soon = UUID.randomUUID();
    UUID later = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(soon, Priority.LOW), new QueuedJob(later, Priority.LOW)));
    Claim first = queue.claim("w1", LEASE, false).orElseThrow();
    Claim second = queue.claim("w1", LEASE, false).orElseThrow();

    assertTrue(queue.retryLater(first, Duration.ZERO));
    assertTrue(queue.retryLater(second, Duration.ofHours(1)));
    assertFalse(queue.retryLater(first, Duration.ZERO), "its lease is already gone");
    assertEquals(2, queue.depths().delayed());
    assertEquals(0, queue.depths().inFlight());

    assertEquals(1, queue.promoteDue());
    assertEquals(1, queue.depths().delayed());
    Claim again = queue.claim("w2", LEASE, false).orElseThrow();
    assertEquals(soon, again.jobId());
    assertEquals(Priority.LOW, again.priority());
    assertTrue(again.leaseId() > second.leaseId(), "every claim gets a new lease id");
  }

  @Test
  void anIdleWorkerBlocksUntilAJobIsEnqueued() {
    CompletableFuture<Boolean> woken =
        CompletableFuture.supplyAsync(() -> queue.awaitWork(Duration.ofSeconds(20)));
    await()
        .during(300, java.util.concurrent.TimeUnit.MILLISECONDS)
        .atMost(2, SECONDS)
        .until(() -> !woken.isDone());

    queue.enqueue(List.of(new QueuedJob(UUID.randomUUID(), Priority.HIGH)));

    await().atMost(2, SECONDS).until(woken::isDone);
    assertTrue(woken.join());
    assertTrue(queue.claim("w1", LEASE, true).isPresent());
  }

  @Test
  void awaitWorkGivesUpAfterItsTimeoutWhenNothingArrives() {
    long start = System.nanoTime();
    assertFalse(queue.awaitWork(Duration.ofSeconds(1)));
    assertTrue(System.nanoTime() - start >= 900_000_000L);
  }

  @Test
  void wakeTokensAreCappedAndClaimsWithoutATokenConsumeOne() {
    List<QueuedJob> many = new ArrayList<>();
    for (int i = 0; i < DispatchQueue.WAKE_TOKEN_CAP + 500; i++) {
      many.add(new QueuedJob(UUID.randomUUID(), Priority.LOW));
    }
    queue.enqueue(many);
    assertEquals(DispatchQueue.WAKE_TOKEN_CAP, redis.llen(keys.wake()));

    queue.claim("w1", LEASE, false).orElseThrow();
    assertEquals(DispatchQueue.WAKE_TOKEN_CAP - 1, redis.llen(keys.wake()));
    queue.claim("w1", LEASE, true).orElseThrow();
    assertEquals(DispatchQueue.WAKE_TOKEN_CAP - 1, redis.llen(keys.wake()));
  }

  @Test
  void aHeartbeatExtendsOnlyTheHoldersLease() {
    queue.enqueue(List.of(new QueuedJob(UUID.randomUUID(), Priority.HIGH)));
    Claim claim = queue.claim("w1", Duration.ofMillis(200), false).orElseThrow();

    assertTrue(leases.extendLease(claim, Duration.ofMinutes(5)));
    assertFalse(
        leases.extendLease(new Claim(claim.jobId(), Priority.HIGH, claim.leaseId() + 1, 0), LEASE));
    double deadline = redis.zscore(keys.inflight(), claim.jobId().toString());
    assertTrue(deadline > System.currentTimeMillis() + 200_000, "deadline moved forward");
    assertTrue(leases.findExpired(10).isEmpty());
  }

  @Test
  void anExpiredLeaseIsFoundAndRequeuedAtTheHeadOfItsPriorityOnce() {
    UUID waiting = UUID.randomUUID();
    UUID crashed = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(crashed, Priority.MEDIUM)));
    Claim lost = queue.claim("dead-worker", Duration.ofMillis(50), false).orElseThrow();
    queue.enqueue(List.of(new QueuedJob(waiting, Priority.MEDIUM)));

    await().atMost(2, SECONDS).until(() -> !leases.findExpired(10).isEmpty());
    Claim expired = leases.findExpired(10).get(0);
    assertEquals(lost.jobId(), expired.jobId());
    assertEquals(lost.leaseId(), expired.leaseId());
    assertEquals(Priority.MEDIUM, expired.priority());

    assertTrue(leases.requeue(expired));
    assertFalse(leases.requeue(expired), "a second recoverer finds the lease gone");
    assertFalse(queue.ack(lost), "the dead worker's late ack changes nothing");
    assertEquals(0, queue.depths().inFlight());
    assertEquals(
        crashed, queue.claim("w2", LEASE, false).orElseThrow().jobId(), "head of its list");
    assertEquals(waiting, queue.claim("w2", LEASE, false).orElseThrow().jobId());
  }

  @Test
  void aDuplicateOfALeasedJobIsDroppedByClaim() {
    UUID id = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(id, Priority.HIGH)));
    Claim first = queue.claim("w1", LEASE, false).orElseThrow();
    queue.enqueue(List.of(new QueuedJob(id, Priority.HIGH), new QueuedJob(other, Priority.LOW)));

    Claim next = queue.claim("w2", LEASE, false).orElseThrow();

    assertEquals(other, next.jobId(), "the copy of the running job is skipped");
    assertFalse(
        redis.sismember(keys.queued(), id.toString()),
        "the dropped copy leaves the queued set too, or reconciliation never restores the job");
    assertTrue(queue.ack(first), "the running attempt still holds its lease");
  }

  @Test
  void theQueuedSetMirrorsThePriorityLists() {
    UUID id = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(id, Priority.LOW)));
    assertTrue(redis.sismember(keys.queued(), id.toString()));
    Claim claim = queue.claim("w1", LEASE, false).orElseThrow();
    assertFalse(redis.sismember(keys.queued(), id.toString()));
    queue.retryLater(claim, Duration.ZERO);
    queue.promoteDue();
    assertTrue(redis.sismember(keys.queued(), id.toString()));
  }

  @Test
  void restorePutsBackOnlyTheJobsRedisHoldsNowhere() {
    UUID listed = UUID.randomUUID();
    UUID leased = UUID.randomUUID();
    UUID delayed = UUID.randomUUID();
    UUID lostQueued = UUID.randomUUID();
    UUID lostRetry = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(leased, Priority.HIGH)));
    Claim claim = queue.claim("w1", LEASE, false).orElseThrow();
    queue.enqueue(List.of(new QueuedJob(delayed, Priority.HIGH)));
    queue.retryLater(queue.claim("w1", LEASE, false).orElseThrow(), Duration.ofHours(1));
    queue.enqueue(List.of(new QueuedJob(listed, Priority.HIGH)));
    long due = System.currentTimeMillis() + 3_600_000;

    long restored =
        queue.restore(
            List.of(
                new QueuedJob(listed, Priority.HIGH, 0),
                new QueuedJob(leased, Priority.HIGH, 0),
                new QueuedJob(delayed, Priority.HIGH, due),
                new QueuedJob(lostQueued, Priority.LOW, 0),
                new QueuedJob(lostRetry, Priority.MEDIUM, due)));

    assertEquals(2, restored);
    assertEquals(1, redis.llen(keys.queue(Priority.HIGH)), "no copy of a listed job");
    assertEquals(List.of(lostQueued.toString()), redis.lrange(keys.queue(Priority.LOW), 0, -1));
    assertEquals((double) due, redis.zscore(keys.delayed(Priority.MEDIUM), lostRetry.toString()));
    assertEquals(
        0, queue.restore(List.of(new QueuedJob(lostQueued, Priority.LOW, 0))), "idempotent");
    assertEquals(
        java.util.Map.of(leased, claim.leaseId()), leases.leaseIds(List.of(leased, listed)));
  }

  @Test
  void aParkedJobIsSeenOnlyByNodesThatRunItsTypeAndRestoreLeavesItParked() {
    UUID report = UUID.randomUUID();
    UUID echo = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(report, Priority.LOW), new QueuedJob(echo, Priority.LOW)));
    Claim taken = queue.claim("old-node", LEASE, false).orElseThrow();
    assertEquals(report, taken.jobId());

    assertFalse(leases.park(new Claim(report, Priority.LOW, taken.leaseId() + 1, 0), "report"));
    assertTrue(leases.park(taken, "report"), "parked by the lease that held it");
    assertFalse(leases.park(taken, "report"), "once");
    assertEquals(Map.of(), leases.leaseIds(List.of(report)), "its lease ended");
    assertEquals(
        0,
        queue.restore(List.of(new QueuedJob(report, Priority.LOW, 0))),
        "reconciliation sees it as held");
    assertEquals(echo, queue.claim("old-node", LEASE, false).orElseThrow().jobId());
    assertTrue(queue.claim("old-node", LEASE, false).isEmpty(), "the old node never sees it");

    assertEquals(0, queue.unpark(List.of("echo", "image"), 100), "not parked under those");
    assertEquals(1, queue.unpark(List.of("echo", "report"), 100));
    Claim again = queue.claim("new-node", LEASE, false).orElseThrow();
    assertEquals(report, again.jobId());
    assertEquals(Priority.LOW, again.priority(), "back in its own priority");
    assertEquals(0, queue.unpark(List.of("report"), 100), "moved once");
  }

  @Test
  void unparkMovesAtMostItsLimitOldestFirst() {
    List<UUID> parked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      UUID id = UUID.randomUUID();
      queue.enqueue(List.of(new QueuedJob(id, Priority.HIGH)));
      assertTrue(leases.park(queue.claim("old-node", LEASE, false).orElseThrow(), "report"));
      parked.add(id);
    }

    assertEquals(2, queue.unpark(List.of("report"), 2));
    assertEquals(parked.get(0), queue.claim("new-node", LEASE, false).orElseThrow().jobId());
    assertEquals(parked.get(1), queue.claim("new-node", LEASE, false).orElseThrow().jobId());
    assertTrue(queue.claim("new-node", LEASE, false).isEmpty());
    assertEquals(3, queue.unpark(List.of("report"), 100));
  }

  @Test
  void afterAFlushRestoreBringsEveryQueuedJobBack() {
    List<QueuedJob> waiting = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      UUID id = UUID.randomUUID();
      queue.enqueue(List.of(new QueuedJob(id, Priority.MEDIUM)));
      waiting.add(new QueuedJob(id, Priority.MEDIUM, 0));
    }
    redis.del(keys.queue(Priority.MEDIUM), keys.queued());

    assertEquals(50, queue.restore(waiting));
    assertEquals(50, queue.depths().waiting().get(Priority.MEDIUM));
  }

  @Test
  void scriptsAreReloadedWhenRedisForgetsThem() {
    queue.enqueue(List.of(new QueuedJob(UUID.randomUUID(), Priority.HIGH)));
    redis.scriptFlush();
    assertTrue(queue.claim("w1", LEASE, false).isPresent());
  }

  @Test
  void aJobRunAgainWhileItsCancelledAttemptStillHoldsALeaseIsClaimedNotDropped() {
    UUID id = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(id, Priority.MEDIUM)));
    Claim cancelledAttempt = queue.claim("w1", LEASE, false).orElseThrow();

    queue.enqueueAgain(List.of(new QueuedJob(id, Priority.MEDIUM)));
    Claim retried = queue.claim("w2", LEASE, false).orElseThrow();

    assertEquals(id, retried.jobId());
    assertTrue(retried.leaseId() > cancelledAttempt.leaseId());
    assertFalse(queue.ack(cancelledAttempt), "the old attempt's late ack cannot end the new lease");
    assertTrue(leases.extendLeases(List.of(retried), LEASE).isEmpty());
    assertEquals(List.of(cancelledAttempt), leases.extendLeases(List.of(cancelledAttempt), LEASE));
    assertTrue(queue.ack(retried));
  }

  @Test
  void leaseIdsIssuedAfterRedisLostItsDataAreAboveEveryEarlierOne() {
    List<Claim> before = new ArrayList<>();
    for (UUID id : enqueue(Priority.HIGH, 5)) {
      before.add(queue.claim("w1", LEASE, false).orElseThrow());
    }
    long highest = before.stream().mapToLong(Claim::leaseId).max().orElseThrow();
    forgetEverything();

    enqueue(Priority.HIGH, 1);
    Claim after = queue.claim("w2", LEASE, false).orElseThrow();

    assertTrue(
        after.leaseId() > highest,
        "lease " + after.leaseId() + " after the loss, " + highest + " before it");
  }

  @Test
  void aDueRequeueGoesToTheHeadOfItsListAndANotYetDueOneWaitsInTheDelayedSet() {
    UUID due = UUID.randomUUID();
    UUID later = UUID.randomUUID();
    queue.enqueue(List.of(new QueuedJob(due, Priority.LOW), new QueuedJob(later, Priority.LOW)));
    Claim dueLease = queue.claim("dead", Duration.ofMillis(1), false).orElseThrow();
    Claim laterLease = queue.claim("dead", Duration.ofMillis(1), false).orElseThrow();

    assertTrue(leases.requeue(dueLease, 0));
    assertTrue(leases.requeue(laterLease, System.currentTimeMillis() + 60_000));

    assertEquals(due, queue.claim("w2", LEASE, false).orElseThrow().jobId());
    assertTrue(queue.claim("w2", LEASE, false).isEmpty(), "the retry is not due for a minute");
    assertEquals(1, redis.zcard(keys.delayed(Priority.LOW)));
    assertFalse(redis.sismember(keys.queued(), later.toString()));
  }

  /** What a FLUSHALL does to this test's key space. */
  private void forgetEverything() {
    redis.keys(keys.queue(Priority.HIGH).replace("queue:high", "*")).forEach(redis::del);
  }

  private List<UUID> enqueue(Priority priority, int count) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(UUID.randomUUID());
    }
    queue.enqueue(ids.stream().map(id -> new QueuedJob(id, priority)).toList());
    return ids;
  }

  private static List<Claim> concat(List<Claim> a, List<Claim> b) {
    List<Claim> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
