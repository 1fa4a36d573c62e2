package io.taskqueue.duty.control;

import java.time.Duration;
import java.util.Optional;

/**
 * When reconciliation reads every unfinished job ("a full sweep"). Reading a million waiting jobs
 * took 15 % of a core in Payara, 7 % in PostgreSQL and 9 % in Redis on every node, round after
 * round, to find nothing missing. So a round sweeps only when something may have gone missing, and
 * otherwise costs two small Redis calls:
 *
 * <ol>
 *   <li>the node has not swept since it started;
 *   <li>Redis is not the one it swept against: its run id changed (a restart, a failover);
 *   <li>Redis lost the node's sweep mark (a {@code FLUSHALL}, a restart without persistence);
 *   <li>a Redis call failed on this node since its last sweep (a job committed in PostgreSQL may
 *       never have reached Redis);
 *   <li>the last sweep was made for one of these signs and the grace period for new jobs has passed
 *       since it began: a sweep skips jobs younger than that (their own enqueue may still be on its
 *       way), and a job submitted just before Redis went away is one of them;
 *   <li>its last sweep is older than the full-sweep interval: the net under what the others cannot
 *       see (another node's failed write, just before that node died).
 * </ol>
 *
 * @param runId Redis's run id when the last sweep started
 * @param redisErrors the node's Redis error count when the last sweep started
 * @param atNanos when the last sweep started ({@code System.nanoTime()})
 * @param followUp whether a sign called for it, so another is due once the grace period is over
 */
public record FullSweep(String runId, long redisErrors, long atNanos, boolean followUp) {

  public static final String FOLLOW_UP = "follow-up for jobs too new for the last sweep";
  public static final String PERIODIC = "periodic";

  /** Why a round must sweep, given the last sweep (null before the first); empty if it need not. */
  public static Optional<String> reason(
      FullSweep last,
      String runId,
      boolean marked,
      long redisErrors,
      long nowNanos,
      Duration every,
      Duration grace) {
    if (last == null) {
      return Optional.of("first round since the node started");
    }
    if (!last.runId().equals(runId)) {
      return Optional.of("Redis restarted or failed over (run id " + runId + ")");
    }
    if (!marked) {
      return Optional.of("Redis lost this node's sweep mark (flushed or emptied)");
    }
    if (redisErrors != last.redisErrors()) {
      return Optional.of("a Redis call failed on this node");
    }
    if (last.followUp() && nowNanos - last.atNanos() >= grace.toNanos()) {
      return Optional.of(FOLLOW_UP);
    }
    if (nowNanos - last.atNanos() >= every.toNanos()) {
      return Optional.of(PERIODIC);
    }
    return Optional.empty();
  }
}
