package io.taskqueue.outcome.entity;

import jakarta.ejb.ApplicationException;

/**
 * An observer threw while an outcome was delivered: the delivery's transaction rolls back (with
 * whatever the observer wrote in it) and the outcome stays for another delivery.
 */
@ApplicationException(rollback = true)
public class ObserverFailedException extends RuntimeException {

  public ObserverFailedException(long outcomeId, RuntimeException cause) {
    super("an observer failed outcome " + outcomeId + ": " + cause.getMessage(), cause);
  }
}
