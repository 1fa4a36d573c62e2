package io.taskqueue.api.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.api.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import org.junit.jupiter.api.Test;

class FailedCommitMapperTest {

  @Test
  void aCommitThatLostItsConnectionIsA503WithRetryAfter() {
    Problem answer =
        FailedCommitMapper.problem(
            new TransactionalException(
                "Managed bean with Transactional annotation and TxType of REQUIRED encountered"
                    + " exception during commit jakarta.transaction.SystemException",
                new SystemException()));

    assertEquals(503, answer.status());
  }

  @Test
  void anyOtherTransactionalFailureIsA500ProblemNeverAPage() {
    Problem answer =
        FailedCommitMapper.problem(
            new TransactionalException("bug", new IllegalStateException("bug")));

    assertEquals(500, answer.status());
    assertTrue(answer.detail().contains("incident"), answer.detail());
  }

  @Test
  void itRanksBeforeJerseysOwnMapperOfTheSameException() {
    assertTrue(FailedCommitMapper.class.getAnnotation(Priority.class).value() < Priorities.USER);
  }
}
