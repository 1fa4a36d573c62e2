package io.taskqueue;

import java.util.UUID;

/**
 * What became of one attempt of a job, as the application observes it: {@code @Observes
 * JobCompleted}, {@code JobFailed} or {@code JobDead}, or {@code @Observes JobOutcome} for all
 * three.
 *
 * <p><b>Delivery.</b> Each outcome is delivered after it is committed, to the observers of one node
 * at a time, in a transaction of its own (the observer's {@code @Transactional} methods and its
 * uses of taskqueue's datasource join it). It is delivered at least once: when a node dies while
 * its observers run, or an observer throws, another delivery follows (a failing one up to ten
 * times, with growing pauses). What an observer writes to taskqueue's database in that transaction
 * commits together with the delivery, so those effects happen exactly once; any other effect should
 * be idempotent, keyed by {@link #jobId()} and {@link #attempt()}. Outcomes are kept for the
 * observers from the moment any node of the cluster with observers started, for {@code
 * taskqueue.listeners.keep-hours} (24) after the last such node was seen.
 *
 * <p>Observers are found in every module of the application, as handlers are; in a WAR of an EAR,
 * make the observing bean a {@code @Stateless} session bean so that it runs in its module's
 * context.
 */
public sealed interface JobOutcome permits JobCompleted, JobFailed, JobDead {

  /**
   * The job's id.
   *
   * @return the id
   */
  UUID jobId();

  /**
   * The job's type.
   *
   * @return the type
   */
  String type();

  /**
   * The attempt this outcome ended, counting from 1.
   *
   * @return the attempt
   */
  int attempt();
}
