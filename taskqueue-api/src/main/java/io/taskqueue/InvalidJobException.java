package io.taskqueue;

/**
 * A submission the rules refuse. Nothing of it was stored. Over REST the same refusal is a 400 or
 * 413 problem whose {@code type} ends in the reason's {@link Reason#slug()}.
 */
public class InvalidJobException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** Which rule refused it. */
  public enum Reason {
    /** A part is out of range or malformed. */
    INVALID("invalid-job"),
    /** No enabled handler runs its type. */
    UNKNOWN_TYPE("unknown-job-type"),
    /** The payload is larger than the configured limit. */
    PAYLOAD_TOO_LARGE("payload-too-large"),
    /** A batch with no job. */
    EMPTY_BATCH("empty-batch"),
    /** A batch with more jobs than the configured limit. */
    BATCH_TOO_LARGE("batch-too-large"),
    /** An idempotency key that is blank or longer than 200 characters. */
    INVALID_IDEMPOTENCY_KEY("invalid-idempotency-key");

    private final String slug;

    Reason(String slug) {
      this.slug = slug;
    }

    /**
     * The reason's name in REST problem types.
     *
     * @return a lower-case, dash-separated name
     */
    public String slug() {
      return slug;
    }
  }

  /** Which rule refused the submission. */
  private final Reason reason;

  /**
   * A refusal.
   *
   * @param reason which rule refused the submission
   * @param message what is wrong, naming the part
   */
  public InvalidJobException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /**
   * Which rule refused the submission.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }
}
