package io.taskqueue.duty.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeliverJobOutcomesTest {

  /** An outbox of ids 1..n that notes what the duty asked of it. */
  static final class Outbox implements DeliverJobOutcomes.Outbox {
    final List<String> calls = new ArrayList<>();
    final boolean listening;
    final List<Long> pending = new ArrayList<>();
    long failing = -1;

    Outbox(boolean listening, int outcomes) {
      this.listening = listening;
      for (long id = 1; id <= outcomes; id++) {
        pending.add(id);
      }
    }

    @Override
    public boolean listening() {
      return listening;
    }

    @Override
    public void register() {
      calls.add("register");
    }

    @Override
    public List<Long> due(int limit) {
      calls.add("due");
      return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
    }

    @Override
    public boolean deliver(long id) {
      if (id == failing) {
        throw new IllegalStateException("observer failed");
      }
      pending.remove(id);
      calls.add("deliver " + id);
      return true;
    }

    @Override
    public void postpone(long id, RuntimeException why) {
      pending.remove(id);
      calls.add("postpone " + id + ": " + why.getMessage());
    }

    @Override
    public int prune() {
      calls.add("prune");
      return 0;
    }
  }

  private final AtomicLong clock = new AtomicLong();

  private DeliverJobOutcomes duty(Outbox outbox, int batch) {
    return new DeliverJobOutcomes(outbox, batch, Duration.ofSeconds(5), clock::get);
  }

  @Test
  void aListeningNodeRegistersFirstThenDeliversBatchesUntilFewerThanABatchAreDue() {
    Outbox outbox = new Outbox(true, 5);
    duty(outbox, 2).run();
    assertEquals(
        List.of(
            "register",
            "prune",
            "due",
            "deliver 1",
            "deliver 2",
            "due",
            "deliver 3",
            "deliver 4",
            "due",
            "deliver 5"),
        outbox.calls);
  }

  @Test
  void aFailedDeliveryIsPostponedAndTheOthersGoOn() {
    Outbox outbox = new Outbox(true, 3);
    outbox.failing = 2;
    duty(outbox, 10).run();
    assertEquals(
        List.of(
            "register", "prune", "due", "deliver 1", "postpone 2: observer failed", "deliver 3"),
        outbox.calls);
  }

  @Test
  void registrationAndPruningComeOnceAMinuteAndANodeWithoutObserversOnlyPrunes() {
    Outbox listening = new Outbox(true, 0);
    DeliverJobOutcomes duty = duty(listening, 10);
    duty.run();
    clock.addAndGet(Duration.ofSeconds(59).toNanos());
    duty.run();
    clock.addAndGet(Duration.ofSeconds(1).toNanos());
    duty.run();
    assertEquals(
        List.of("register", "prune", "due", "due", "register", "prune", "due"), listening.calls);

    Outbox deaf = new Outbox(false, 3);
    duty(deaf, 10).run();
    assertEquals(List.of("prune"), deaf.calls, "it neither registers nor delivers");
  }

  @Test
  void aRunStopsAtItsBudgetThoughMoreAreDue() {
    Outbox outbox = new Outbox(true, 100);
    DeliverJobOutcomes duty =
        new DeliverJobOutcomes(
            outbox, 10, Duration.ofSeconds(5), () -> clock.addAndGet(2_000_000_000L));
    duty.run();
    assertEquals(
        70, outbox.pending.size(), "batches until five seconds have passed, then it stops");
  }
}
