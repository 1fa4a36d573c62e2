package io.taskqueue.job.control;

import static org.mockito.Mockito.mock;

import jakarta.enterprise.event.Event;
import javax.sql.DataSource;

/** {@link AttemptBatches} outside the container: on a test database, events heard by no one. */
public final class AttemptBatchesOn {

  private AttemptBatchesOn() {}

  @SuppressWarnings("unchecked")
  public static AttemptBatches database(DataSource db) {
    AttemptBatches batches = new AttemptBatches();
    batches.dataSource = db;
    batches.events = mock(Event.class);
    batches.parentsEnded = mock(Event.class);
    return batches;
  }
}
