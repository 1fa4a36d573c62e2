package io.taskqueue.job.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.taskqueue.job.entity.Job;
import io.taskqueue.job.entity.NewJob;
import io.taskqueue.job.entity.Priority;
import io.taskqueue.job.entity.RetryPolicy;
import io.taskqueue.job.entity.Submitted;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupedSubmitsTest {

  private final JobService jobs = mock(JobService.class);
  private final TransactionSynchronizationRegistry transactions =
      mock(TransactionSynchronizationRegistry.class);
  private final GroupedSubmits grouped = new GroupedSubmits();
  private final List<List<NewJob>> groups = new CopyOnWriteArrayList<>();
  private final ExecutorService clients = Executors.newCachedThreadPool();
  private final CountDownLatch firstCommitting = new CountDownLatch(1);
  private final CountDownLatch releaseFirst = new CountDownLatch(1);

  @BeforeEach
  void wire() {
    grouped.jobs = jobs;
    grouped.transactions = transactions;
    grouped.maxGroup = 256;
    when(transactions.getTransactionStatus()).thenReturn(Status.STATUS_NO_TRANSACTION);
  }

  @AfterEach
  void stop() {
    clients.shutdownNow();
  }

  @Test
  void aLoneSubmissionIsCommittedAtOnceInAGroupOfItsOwn() {
    storesEveryGroup();

    Submitted submitted = grouped.submit(job("a"));

    assertEquals("a", submitted.job().getType());
    assertTrue(submitted.created());
    assertEquals(List.of(List.of("a")), types(groups));
  }

  @Test
  void submissionsArrivingDuringACommitAreStoredTogetherByTheNextAndEachGetsItsOwnJob()
      throws Exception {
    holdFirstCommitThen(GroupedSubmitsTest::stored);
    Future<Submitted> first = clients.submit(() -> grouped.submit(job("first")));
    assertTrue(firstCommitting.await(10, TimeUnit.SECONDS));
    List<Future<Submitted>> later = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String type = "later" + i;
      later.add(clients.submit(() -> grouped.submit(job(type))));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(grouped) == 5);

    releaseFirst.countDown();

    assertEquals("first", first.get(10, TimeUnit.SECONDS).job().getType());
    for (int i = 0; i < 5; i++) {
      assertEquals("later" + i, later.get(i).get(10, TimeUnit.SECONDS).job().getType());
    }
    assertEquals(2, groups.size(), "the five waited for one commit and shared the next");
    assertEquals(5, groups.get(1).size());
  }

  @Test
  void aGroupWhoseDataPostgresRefusedIsRetriedOneJobAtATimeSoOnlyTheRefusedJobFails()
      throws Exception {
    holdFirstCommitThen(
        group -> {
          if (group.stream().anyMatch(j -> j.type().equals("refused"))) {
            throw new IllegalStateException(
                "refused by PostgreSQL", new SQLException("value too long", "22001"));
          }
          return stored(group);
        });
    Future<Submitted> first = clients.submit(() -> grouped.submit(job("first")));
    assertTrue(firstCommitting.await(10, TimeUnit.SECONDS));
    Future<Submitted> good = clients.submit(() -> grouped.submit(job("good")));
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(grouped) == 1);
    Future<Submitted> refused = clients.submit(() -> grouped.submit(job("refused")));
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(grouped) == 2);

    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertEquals("good", good.get(10, TimeUnit.SECONDS).job().getType());
    Exception failure = assertThrows(Exception.class, () -> refused.get(10, TimeUnit.SECONDS));
    assertEquals("refused by PostgreSQL", failure.getCause().getMessage());
    assertEquals(
        List.of(List.of("first"), List.of("good", "refused"), List.of("good"), List.of("refused")),
        types(groups));
  }

  @Test
  void aGroupThatFailsForAnyOtherReasonFailsAsAWholeAndIsNeverTriedAgain() throws Exception {
    holdFirstCommitThen(
        group -> {
          // The commit's outcome is unknown: storing the jobs again could store them twice.
          throw new IllegalStateException("connection lost during commit");
        });
    Future<Submitted> first = clients.submit(() -> grouped.submit(job("first")));
    assertTrue(firstCommitting.await(10, TimeUnit.SECONDS));
    Future<Submitted> a = clients.submit(() -> grouped.submit(job("a")));
    Future<Submitted> b = clients.submit(() -> grouped.submit(job("b")));
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(grouped) == 2);

    releaseFirst.countDown();

    first.get(10, TimeUnit.SECONDS);
    assertThrows(Exception.class, () -> a.get(10, TimeUnit.SECONDS));
    assertThrows(Exception.class, () -> b.get(10, TimeUnit.SECONDS));
    assertEquals(2, groups.size(), "the failed group was not tried again");
  }

  @Test
  void whenMoreWaitThanAGroupHoldsEachCommitterStoresItsOwnJobAndEveryoneGetsTheirs()
      throws Exception {
    grouped.maxGroup = 1;
    storesEveryGroup();
    List<Future<Submitted>> submitted = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String type = "job" + i;
      submitted.add(clients.submit(() -> grouped.submit(job(type))));
    }

    for (int i = 0; i < 12; i++) {
      assertEquals("job" + i, submitted.get(i).get(10, TimeUnit.SECONDS).job().getType());
    }
    assertEquals(12, groups.size());
  }

  @Test
  void aCallerInsideItsOwnTransactionIsNotGroupedItsJobCommitsWithIt() {
    when(transactions.getTransactionStatus()).thenReturn(Status.STATUS_ACTIVE);
    Submitted alone = stored(List.of(job("mine")));
    when(jobs.submit(List.of(job("mine")))).thenReturn(alone);

    assertSame(alone, grouped.submit(job("mine")));
  }

  @Test
  void aSubmissionInterruptedWhileWaitingForACommitIsWithdrawnAndNeverStored() throws Exception {
    holdFirstCommitThen(GroupedSubmitsTest::stored);
    Future<Submitted> first = clients.submit(() -> grouped.submit(job("first")));
    assertTrue(firstCommitting.await(10, TimeUnit.SECONDS));
    AtomicBoolean interrupted = new AtomicBoolean();
    Thread withdrawn =
        new Thread(
            () -> {
              try {
                grouped.submit(job("withdrawn"));
              } catch (IllegalStateException e) {
                interrupted.set(Thread.currentThread().isInterrupted());
              }
            });
    withdrawn.start();
    await().atMost(Duration.ofSeconds(10)).until(() -> waitingIn(grouped) == 1);

    withdrawn.interrupt();
    withdrawn.join(10_000);
    releaseFirst.countDown();
    first.get(10, TimeUnit.SECONDS);

    assertTrue(interrupted.get(), "the caller learns it was interrupted");
    assertEquals(List.of(List.of("first")), types(groups), "the withdrawn job was never stored");
    verify(jobs, never()).submit(List.of(job("withdrawn")));
  }

  /**
   * The first group's commit waits for {@link #releaseFirst} (announcing itself on {@link
   * #firstCommitting}); later groups are answered by {@code later}. Every group is recorded.
   */
  private void holdFirstCommitThen(Function<List<NewJob>, Submitted> later) {
    when(jobs.submit(anyList()))
        .thenAnswer(
            call -> {
              List<NewJob> group = call.getArgument(0);
              groups.add(group);
              if (groups.size() == 1) {
                firstCommitting.countDown();
                releaseFirst.await(10, TimeUnit.SECONDS);
                return stored(group);
              }
              return later.apply(group);
            });
  }

  private void storesEveryGroup() {
    when(jobs.submit(anyList()))
        .thenAnswer(
            call -> {
              List<NewJob> group = call.getArgument(0);
              groups.add(group);
              return stored(group);
            });
  }

  private static int waitingIn(GroupedSubmits grouped) {
    return grouped.waitingCount();
  }

  private static List<List<String>> types(List<List<NewJob>> groups) {
    return groups.stream().map(g -> g.stream().map(NewJob::type).toList()).toList();
  }

  private static Submitted stored(List<NewJob> group) {
    List<Job> jobs =
        group.stream()
            .map(
                n ->
                    new Job(
                        UUID.randomUUID(),
                        n.type(),
                        n.payload(),
                        n.priority(),
                        n.maxAttempts(),
                        OffsetDateTime.now(ZoneOffset.UTC),
                        null,
                        RetryPolicy.DEFAULTS,
                        null))
            .toList();
    return new Submitted(jobs, true, new AtomicBoolean(true));
  }

  private static NewJob job(String type) {
    return new NewJob(type, "{}", Priority.MEDIUM, 3);
  }
}
