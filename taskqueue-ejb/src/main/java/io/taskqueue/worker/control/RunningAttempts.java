package io.taskqueue.worker.control;

import io.taskqueue.queue.entity.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attempts this node's workers run right now: their leases (renewed by {@link
 * io.taskqueue.schedule.control.RenewLeases}), their threads, and whether they must stop because a
 * user cancelled them or their time ran out ({@link
 * io.taskqueue.schedule.control.StopCancelledAndOverdue}).
 */
@ApplicationScoped
public class RunningAttempts {

  /** One attempt in progress on one worker thread. */
  public static final class Running {
    private final Claim claim;
    private final Thread thread;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long timeoutMillis;

    Running(Claim claim, Thread thread) {
      this.claim = claim;
      this.thread = thread;
    }

    public Claim claim() {
      return claim;
    }

    void startClock(long timeoutMillis) {
      this.timeoutMillis = timeoutMillis;
      this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    }

    public boolean overdue(long nowNanos) {
      return nowNanos - deadlineNanos > 0;
    }

    /** Marks the attempt cancelled and interrupts its handler; once. */
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        thread.interrupt();
      }
    }

    /** Marks the attempt timed out and interrupts its handler; once. */
    public void timeOut() {
      if (timedOut.compareAndSet(false, true)) {
        thread.interrupt();
      }
    }

    public boolean isCancelled() {
      return cancelled.get();
    }

    public boolean isTimedOut() {
      return timedOut.get();
    }

    public long timeoutMillis() {
      return timeoutMillis;
    }

    /** What the handler sees as {@code JobContext.isCancelled()}. */
    public boolean stopRequested() {
      return cancelled.get() || timedOut.get();
    }
  }

  private final Map<Claim, Running> held = new ConcurrentHashMap<>();

  /** Registers the claim as run by the calling thread. */
  public Running track(Claim claim) {
    Running running = new Running(claim, Thread.currentThread());
    held.put(claim, running);
    return running;
  }

  public void untrack(Claim claim) {
    held.remove(claim);
  }

  public Collection<Running> snapshot() {
    return List.copyOf(held.values());
  }

  public Collection<Claim> claims() {
    return List.copyOf(held.keySet());
  }
}
