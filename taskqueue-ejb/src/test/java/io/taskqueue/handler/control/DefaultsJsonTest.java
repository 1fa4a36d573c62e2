package io.taskqueue.handler.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.taskqueue.Backoff;
import io.taskqueue.JobDefaults;
import io.taskqueue.Priority;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DefaultsJsonTest {

  @Test
  void everyPartOfAHandlersDefaultsSurvivesTheRegistry() {
    JobDefaults all =
        new JobDefaults(
            Priority.HIGH,
            3,
            new Backoff(Duration.ofMillis(500), 1.5, Duration.ofMinutes(2), 0.1),
            Duration.ofSeconds(90));
    assertEquals(all, DefaultsJson.read(DefaultsJson.write(all)));
  }

  @Test
  void partsLeftOpenStayOpen() {
    assertEquals("{}", DefaultsJson.write(JobDefaults.none()));
    assertEquals(JobDefaults.none(), DefaultsJson.read("{}"));
    JobDefaults some = new JobDefaults(null, 2, Backoff.fixed(Duration.ofSeconds(1)), null);
    assertEquals(some, DefaultsJson.read(DefaultsJson.write(some)));
  }
}
