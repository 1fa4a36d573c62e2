package io.taskqueue.faults.probe;

import io.taskqueue.JobCompleted;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * An application's observer for {@link io.taskqueue.faults.OutcomeDeliveryFaultIT}: records each
 * completion it hears as a row in taskqueue's database, in the delivery's transaction, and takes a
 * few milliseconds over it, so that a kill lands in the middle of deliveries.
 */
@ApplicationScoped
public class RecordingObserver {

  @Resource(lookup = "java:app/jdbc/taskqueue")
  DataSource database;

  void completed(@Observes JobCompleted outcome) throws SQLException, InterruptedException {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement("INSERT INTO observed_outcomes (job_id, attempt) VALUES (?, ?)")) {
      s.setObject(1, outcome.jobId());
      s.setInt(2, outcome.attempt());
      s.executeUpdate();
    }
    Thread.sleep(5);
  }
}
