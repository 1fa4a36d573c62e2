package io.taskqueue;

import java.lang.reflect.Type;

/**
 * A {@link JobHandler} that takes its payload as a Java object: the engine maps each job's payload
 * to {@code T} with JSON-B before calling {@link #handle(Object, JobContext)}. {@code T} may be
 * generic ({@code TypedJobHandler<List<Order>>}); it is read from the handler's class, through
 * generic superclasses too. A payload that does not map to {@code T} fails the job at once (a
 * {@link NonRetryableException}), as retrying the same payload cannot help.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class SendInvoice implements TypedJobHandler<Invoice> {
 *   public String type() { return "invoice.send"; }
 *   public JobDefaults defaults() { return JobDefaults.none().maxAttempts(8); }
 *   public Object handle(Invoice invoice, JobContext context) { ... }
 * }
 * }</pre>
 *
 * @param <T> the payload's type
 */
public interface TypedJobHandler<T> extends JobHandler {

  /**
   * Runs one attempt of one job.
   *
   * @param payload the job's payload as a {@code T}
   * @param context the job, its attempt, and whether it was cancelled
   * @return the result to store with the job, as for {@link JobHandler#handle(JobContext)}
   * @throws Exception to fail the attempt; {@link NonRetryableException} to fail the job at once
   */
  Object handle(T payload, JobContext context) throws Exception;

  /**
   * Maps the payload to {@link #payloadType()} and calls {@link #handle(Object, JobContext)}.
   *
   * @param context the job
   * @return the result of {@link #handle(Object, JobContext)}
   * @throws Exception what {@link #handle(Object, JobContext)} throws, or {@link
   *     NonRetryableException} when the payload does not map
   */
  @Override
  default Object handle(JobContext context) throws Exception {
    return handle(context.<T>payload(payloadType()), context);
  }

  /**
   * The type the payload is mapped to: {@code T} as the handler's class names it. Override it, with
   * a {@link PayloadType}, only when the class leaves {@code T} open (a generic handler).
   *
   * @return the payload's type
   * @throws IllegalStateException when the class does not name {@code T}
   */
  default Type payloadType() {
    return PayloadTypes.of(getClass());
  }
}
