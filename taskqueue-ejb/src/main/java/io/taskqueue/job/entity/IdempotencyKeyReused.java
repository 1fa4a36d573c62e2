package io.taskqueue.job.entity;

import io.taskqueue.IdempotencyKeyConflictException;

/**
 * A caller sent an idempotency key it had used, within the key's window, for a different request.
 * Answering with the earlier job would hide the mistake; storing a second job would break the key's
 * promise. Nothing is stored; it is found before anything is written, so a caller's own transaction
 * is not marked for rollback by it.
 */
public class IdempotencyKeyReused extends IdempotencyKeyConflictException {

  public IdempotencyKeyReused(String key) {
    super(
        "Idempotency-Key '"
            + key
            + "' was used for a different request; use a new key for a new request.");
  }
}
