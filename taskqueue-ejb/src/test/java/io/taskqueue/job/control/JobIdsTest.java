package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobIdsTest {

  @Test
  void idsAreVersionSevenAndStrictlyIncreasingInPostgresOrder() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      ids.add(JobIds.next());
    }
    assertEquals(ids.size(), new HashSet<>(ids).size(), "unique");
    for (int i = 1; i < ids.size(); i++) {
      assertEquals(7, ids.get(i).version());
      assertEquals(2, ids.get(i).variant());
      // PostgreSQL compares uuids as unsigned bytes: the string form sorts the same way.
      assertTrue(
          ids.get(i - 1).toString().compareTo(ids.get(i).toString()) < 0,
          ids.get(i - 1) + " before " + ids.get(i));
    }
  }

  @Test
  void theTimestampIsTheCurrentTime() {
    long before = System.currentTimeMillis();
    UUID id = JobIds.next();
    long millis = id.getMostSignificantBits() >>> 16;
    assertTrue(millis >= before && millis <= System.currentTimeMillis() + 100, "ms " + millis);
  }
}
