package io.taskqueue.api.control;

import io.taskqueue.api.entity.Problem;
import jakarta.annotation.Priority;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.logging.Logger;

/**
 * A {@code @Transactional} resource method whose commit failed: answered like any other failure
 * ({@link UnexpectedErrorMapper}: 503 with {@code Retry-After} when PostgreSQL is away). Without
 * it, Jersey's own mapper for this exception takes it, throws again, and Jersey answers a bare 500
 * that Payara dresses as its HTML error page: a chaos soak saw three, on cancel and retry while
 * PostgreSQL restarted ("encountered exception during commit jakarta.transaction.SystemException").
 * Ranked before Jersey's mapper of the same exception type.
 */
@Priority(Priorities.USER - 1000)
public class FailedCommitMapper implements ExceptionMapper<TransactionalException> {

  private static final Logger LOG = Logger.getLogger(FailedCommitMapper.class.getName());

  @Override
  public Response toResponse(TransactionalException e) {
    if (e.getCause() instanceof WebApplicationException answered) {
      return answered.getResponse(); // as Jersey's mapper does: the cause says what to answer
    }
    Problem problem = problem(e);
    return problem.status() == 503 ? TemporaryOutages.response() : problem.toResponse();
  }

  /** The 503 of an outage for a commit that failed, else what any failure is answered. */
  static Problem problem(TransactionalException e) {
    // A commit that failed with a SystemException lost its database connection mid-commit (the
    // XAException under it names the I/O error in words only): an outage, so 503 and retry.
    if (e.getCause() instanceof SystemException) {
      LOG.warning(() -> "Commit failed, answered 503: " + e.getCause());
      return TemporaryOutages.problem();
    }
    return UnexpectedErrorMapper.problem(e);
  }
}
