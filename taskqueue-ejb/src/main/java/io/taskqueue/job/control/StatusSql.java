package io.taskqueue.job.control;

import static io.taskqueue.job.entity.StatusVerb.BURY;
import static io.taskqueue.job.entity.StatusVerb.CANCEL;
import static io.taskqueue.job.entity.StatusVerb.CANCEL_FOR_PARENT;
import static io.taskqueue.job.entity.StatusVerb.COMPLETE;
import static io.taskqueue.job.entity.StatusVerb.RELEASE;
import static io.taskqueue.job.entity.StatusVerb.REWAIT;
import static io.taskqueue.job.entity.StatusVerb.START;

import io.taskqueue.job.entity.StatusVerb;
import io.taskqueue.schema.control.Tables;

/**
 * Every statement that changes a job's status, in one place, each guarded by its {@link StatusVerb}
 * ({@code status IN} the verb's sources, taken from the transition table) and fenced as its race
 * needs: an attempt's outcome by (attempt, lease id), a lease end by the lease id under a row lock
 * that skips rows another transaction holds. {@code StatusSqlIT} runs each against PostgreSQL from
 * every status. The operator's bulk retry is the one JPQL write; it takes its guard from {@link
 * StatusVerb#OPERATOR_RETRY} too.
 */
public final class StatusSql {

  /** The error of a job cancelled because a parent ended dead or cancelled (it marks them). */
  public static final String CANCELLED_FOR_PARENT = "a parent ended dead or cancelled";

  /**
   * Parameters: start time, owner, job ids, lease ids (parallel to the ids). A retrying or
   * scheduled job never starts before it is due, whatever copy Redis held. Reads the payload in the
   * same statement: the claim path reads nothing else.
   */
  public static final String START_ALL =
      "UPDATE "
          + Tables.JOBS
          + " j SET status = '"
          + START.target()
          + "', attempt = j.attempt + 1, started_at = ?,"
          + " finished_at = NULL, worker_id = ?, lease_id = c.lease"
          + " FROM unnest(?::uuid[], ?::bigint[]) AS c(id, lease)"
          + " WHERE j.id = c.id AND j.status IN "
          + START.guard()
          + " AND (j.status = 'QUEUED' OR j.scheduled_at IS NULL OR j.scheduled_at <= now())"
          + " RETURNING j.id, j.type, j.payload::text, j.priority, j.attempt, j.max_attempts,"
          + " j.backoff_initial_ms, j.backoff_multiplier, j.backoff_max_ms, j.backoff_jitter,"
          + " j.timeout_ms, coalesce(j.scheduled_at, j.created_at)";

  /**
   * Parameters: job ids, attempts, lease ids, results (JSON text), worker ids, finish times (epoch
   * µs). Writes the attempt records in the same round trip; returns what the events need, and
   * whether the job has children (a workflow parent, whose end the dependency trigger handled).
   */
  public static final String COMPLETE_ALL =
      "WITH done AS ("
          + " UPDATE "
          + Tables.JOBS
          + " j SET status = '"
          + COMPLETE.target()
          + "', result = c.result::jsonb, last_error = NULL, scheduled_at = NULL,"
          + " finished_at = timestamptz 'epoch' + c.finished * interval '1 microsecond',"
          + " worker_id = c.worker"
          + " FROM unnest(?::uuid[], ?::integer[], ?::bigint[], ?::text[], ?::text[], ?::bigint[])"
          + " AS c(id, attempt, lease, result, worker, finished)"
          + " WHERE j.id = c.id AND j.attempt = c.attempt AND j.lease_id = c.lease"
          + " AND j.status IN "
          + COMPLETE.guard()
          + " RETURNING j.id, j.type, j.priority, j.attempt, j.lease_id, j.worker_id,"
          + " j.started_at, j.finished_at, j.has_children),"
          + " recorded AS ("
          + " INSERT INTO "
          + Tables.JOB_ATTEMPTS
          + " (job_id, attempt, lease_id, worker_id, started_at, finished_at, outcome)"
          + " SELECT id, attempt, lease_id, worker_id, started_at, finished_at, 'COMPLETED'"
          + " FROM done)"
          + " SELECT id, type, priority, attempt, worker_id, started_at, finished_at, has_children"
          + " FROM done";

  /**
   * Parameters: error, worker id, finish time, job id, attempt, lease id. Ends a successful attempt
   * whose result PostgreSQL refused ({@code BURY}, fenced like a success): the job is dead with the
   * error instead of the result, and its attempt is recorded as failed. Returns what the events
   * need, and whether the job has children.
   */
  public static final String BURY_UNSTORABLE =
      "WITH dead AS ("
          + " UPDATE "
          + Tables.JOBS
          + " j SET status = '"
          + BURY.target()
          + "', result = NULL, last_error = ?, scheduled_at = NULL, worker_id = ?,"
          + " finished_at = ?"
          + " WHERE j.id = ? AND j.attempt = ? AND j.lease_id = ? AND j.status IN "
          + BURY.guard()
          + " RETURNING j.id, j.type, j.priority, j.attempt, j.lease_id, j.worker_id,"
          + " j.started_at, j.finished_at, j.has_children, j.last_error),"
          + " recorded AS ("
          + " INSERT INTO "
          + Tables.JOB_ATTEMPTS
          + " (job_id, attempt, lease_id, worker_id, started_at, finished_at, outcome, error)"
          + " SELECT id, attempt, lease_id, worker_id, started_at, finished_at, 'FAILED',"
          + " last_error FROM dead)"
          + " SELECT id, type, priority, attempt, worker_id, started_at, finished_at, has_children"
          + " FROM dead";

  /** Parameters: job ids. Why claimed jobs did not start: their status and when they are due. */
  public static final String NOT_STARTED =
      "SELECT id, status, scheduled_at FROM " + Tables.JOBS + " WHERE id = ANY (?::uuid[])";

  /**
   * Locks a job's row to end its lease, unless another transaction holds it. Parameter: job id.
   * Reads status, lease id, attempt, max attempts, due time.
   */
  public static final String LOCK_FOR_LEASE_END =
      "SELECT status, lease_id, attempt, max_attempts, scheduled_at FROM "
          + Tables.JOBS
          + " WHERE id = ?1 FOR UPDATE SKIP LOCKED";

  /** Parameter: job id. */
  public static final String EXISTS = "SELECT 1 FROM " + Tables.JOBS + " WHERE id = ?1";

  /**
   * Parameter: job ids. Puts jobs that a parent's failure cancelled back to waiting, each waiting
   * for every parent that has not completed (the retried one among them); returns their ids.
   */
  public static final String REWAIT_ALL =
      "UPDATE "
          + Tables.JOBS
          + " j SET status = '"
          + REWAIT.target()
          + "', finished_at = NULL, last_error = NULL,"
          + " waiting_for = (SELECT count(*) FROM "
          + Tables.JOB_DEPENDENCIES
          + " d JOIN "
          + Tables.JOBS
          + " p"
          + " ON p.id = d.parent_id WHERE d.job_id = j.id AND p.status <> 'COMPLETED')"
          + " WHERE j.id = ANY(?) AND j.last_error = '"
          + CANCELLED_FOR_PARENT
          + "' AND j.status IN "
          + REWAIT.guard()
          + " RETURNING j.id";

  private StatusSql() {}

  /**
   * A failed attempt's write ({@code RETRY_LATER} or {@code BURY}). Parameters: error, due time,
   * finish time, worker id, job id, attempt, lease id. JPA binds a null as text: the casts keep
   * such statements valid on any pool, not only on the built-in one's {@code
   * stringType=unspecified} ({@code taskqueue.datasource}).
   */
  public static String fail(StatusVerb verb) {
    return "UPDATE "
        + Tables.JOBS
        + " SET status = '"
        + verb.target()
        + "', result = NULL, last_error = ?1, scheduled_at = CAST(?2 AS timestamptz),"
        + " finished_at = CAST(?3 AS timestamptz),"
        + " worker_id = ?4 WHERE id = ?5 AND attempt = ?6 AND lease_id = ?7 AND status IN "
        + verb.guard();
  }

  /**
   * The end of an attempt's lease without an outcome ({@code RECOVER}, {@code RECOVER_LAST} or
   * {@code HAND_BACK}). Parameters: error, finish time, attempts given back (0 or 1), job id, lease
   * id.
   */
  public static String endLease(StatusVerb verb) {
    return "UPDATE "
        + Tables.JOBS
        + " SET status = '"
        + verb.target()
        + "', last_error = ?1, finished_at = CAST(?2 AS timestamptz), attempt = attempt - ?3"
        + " WHERE id = ?4 AND lease_id = ?5 AND status IN "
        + verb.guard();
  }

  /** Parameters: finish time, job id, the status the caller read (under its row lock). */
  public static final String CANCEL_ONE =
      "UPDATE "
          + Tables.JOBS
          + " SET status = '"
          + CANCEL.target()
          + "', finished_at = ?1 WHERE id = ?2 AND status = ?3 AND status IN "
          + CANCEL.guard();

  /**
   * Parameters: job ids. Queues waiting jobs whose parents let them run; returns each released
   * job's id and priority, to hand to Redis after commit. The release is when the job became due
   * ({@code scheduled_at}: a child has no run time of its own), so its wait is measured from there,
   * not from its submission.
   */
  public static final String RELEASE_ALL =
      "UPDATE "
          + Tables.JOBS
          + " SET status = '"
          + RELEASE.target()
          + "', scheduled_at = now() WHERE id = ANY(?) AND status IN "
          + RELEASE.guard()
          + " RETURNING id";

  /**
   * Parameters: finish time, job ids. Cancels waiting jobs a parent of which ended dead or
   * cancelled; their own children follow in turn (the dependency trigger sees them end).
   */
  public static final String CANCEL_ALL_FOR_PARENT =
      "UPDATE "
          + Tables.JOBS
          + " SET status = '"
          + CANCEL_FOR_PARENT.target()
          + "', finished_at = ?, last_error = '"
          + CANCELLED_FOR_PARENT
          + "'"
          + " WHERE id = ANY(?) AND status IN "
          + CANCEL_FOR_PARENT.guard()
          + " RETURNING id";
}
