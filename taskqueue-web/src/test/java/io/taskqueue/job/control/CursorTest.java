package io.taskqueue.job.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.api.control.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void cursorsRoundTripAndNonsenseIsABadRequest() {
    UUID id = UUID.randomUUID();
    assertEquals(id, Cursor.decode(Cursor.encode(id)));
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Cursor.decode("!!")).problem().status());
    assertEquals(
        400, assertThrows(ProblemException.class, () -> Cursor.decode("YWJj")).problem().status());
  }
}
