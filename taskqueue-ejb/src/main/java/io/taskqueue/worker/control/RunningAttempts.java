package io.taskqueue.worker.control;

import io.taskqueue.lease.control.HeldLeases;
import io.taskqueue.queue.entity.Claim;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attempts this node's workers run right now: their leases (renewed by {@link
 * io.taskqueue.lease.control.RenewLeases}), their threads, and whether they must stop because a
 * user cancelled them or their time ran out ({@link
 * io.taskqueue.duty.control.StopCancelledAndOverdue}).
 */
@ApplicationScoped
public class RunningAttempts implements HeldLeases {

  /**
   * One attempt this node holds: claimed and waiting for a worker, running on a worker thread, or
   * run and waiting for its outcome to be recorded.
   */
  public static final class Running {
    private final Claim claim;
    private Thread thread;
    private final AtomicInteger phase = new AtomicInteger(WAITING);
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private volatile long deadlineNanos = Long.MAX_VALUE;
    private volatile long timeoutMillis;
    private volatile long leaseEndsNanos;

    Running(Claim claim, long leaseEndsNanos) {
      this.claim = claim;
      this.leaseEndsNanos = leaseEndsNanos;
    }

    /**
     * Whether the lease is surely still this node's: it was claimed or last renewed less than a
     * lease ago (this node's clock, counted from before the Redis call). A job whose lease may have
     * run out must not start: another node may have recovered it and run it already.
     */
    public boolean leaseHeld(long nowNanos) {
      return nowNanos - leaseEndsNanos < 0;
    }

    /** The lease was renewed, by a call that started at {@code fromNanos}, for {@code lease}. */
    public void renewed(long fromNanos, Duration lease) {
      this.leaseEndsNanos = fromNanos + lease.toNanos();
    }

    public Claim claim() {
      return claim;
    }

    /**
     * A worker takes the attempt and is about to begin its handler; false when it was withdrawn
     * (handed back) first, and must not run.
     */
    boolean begin() {
      return phase.compareAndSet(WAITING, BEGUN);
    }

    /** Withdraws an attempt whose handler never began; false when a worker began it. */
    boolean withdraw() {
      return phase.compareAndSet(WAITING, WITHDRAWN);
    }

    /** The calling thread runs the handler from now on, within {@code timeoutMillis}. */
    synchronized void attach(long timeoutMillis) {
      this.thread = Thread.currentThread();
      this.timeoutMillis = timeoutMillis;
      this.deadlineNanos = System.nanoTime() + timeoutMillis * 1_000_000;
    }

    /**
     * The handler returned: its thread moves on to other jobs and must not be interrupted for this
     * one, and its time no longer runs.
     */
    synchronized void detach() {
      this.thread = null;
      this.deadlineNanos = Long.MAX_VALUE;
    }

    public boolean overdue(long nowNanos) {
      return nowNanos - deadlineNanos > 0;
    }

    /** Marks the attempt cancelled and interrupts its handler; once. */
    public void cancel() {
      if (cancelled.compareAndSet(false, true)) {
        interruptHandler();
      }
    }

    /** Marks the attempt timed out and interrupts its handler; once. */
    public void timeOut() {
      if (timedOut.compareAndSet(false, true)) {
        interruptHandler();
      }
    }

    private synchronized void interruptHandler() {
      if (thread != null) {
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

  private static final int WAITING = 0;
  private static final int BEGUN = 1;
  private static final int WITHDRAWN = 2;
  private static final Duration UNTIL_UNTRACKED = Duration.ofDays(365);

  private final Map<Claim, Running> held = new ConcurrentHashMap<>();

  /**
   * Registers the claim, held by this node until {@link #untrack}, leased for {@code lease} by a
   * call that started at {@code claimedAtNanos}.
   */
  public Running track(Claim claim, long claimedAtNanos, Duration lease) {
    Running running = new Running(claim, claimedAtNanos + lease.toNanos());
    held.put(claim, running);
    return running;
  }

  /** Registers a claim whose lease this node renews for as long as it holds it. */
  public Running track(Claim claim) {
    return track(claim, System.nanoTime(), UNTIL_UNTRACKED);
  }

  /** The claim's entry; a fresh one when it is not tracked (its lease was lost meanwhile). */
  public Running of(Claim claim) {
    Running running = held.get(claim);
    return running != null ? running : new Running(claim, System.nanoTime());
  }

  /**
   * Withdraws a held claim whose handler no worker began, so that none begins it: true then (its
   * attempt never ran). False when a worker began it, or when this node no longer holds it.
   */
  public boolean withdrawUnbegun(Claim claim) {
    Running running = held.get(claim);
    return running != null && running.withdraw();
  }

  public void untrack(Claim claim) {
    held.remove(claim);
  }

  public void untrack(Collection<Claim> claims) {
    claims.forEach(held::remove);
  }

  public Collection<Running> snapshot() {
    return List.copyOf(held.values());
  }

  @Override
  public Collection<Claim> claims() {
    return List.copyOf(held.keySet());
  }

  @Override
  public void renewed(Claim claim, long fromNanos, Duration lease) {
    of(claim).renewed(fromNanos, lease);
  }

  @Override
  public void lost(Claim claim) {
    untrack(claim);
  }
}
