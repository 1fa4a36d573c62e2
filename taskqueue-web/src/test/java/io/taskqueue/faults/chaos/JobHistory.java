package io.taskqueue.faults.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A job's row and its attempt history as PostgreSQL holds them after the soak, and what is wrong
 * with them. A pure judgement, so that the rules can be read (and tested) apart from the database.
 */
record JobHistory(
    UUID id,
    String status,
    int attempt,
    int maxAttempts,
    boolean finished,
    String workerId,
    List<Attempt> attempts) {

  static final Set<String> FINAL = Set.of("COMPLETED", "DEAD", "CANCELLED");

  /** One row of {@code job_attempts}. */
  record Attempt(int attempt, String outcome, String workerId, String error) {
    @Override
    public String toString() {
      return attempt + ":" + outcome + "@" + workerId + (error == null ? "" : " (" + error + ")");
    }
  }

  /**
   * What breaks the soak's invariants: the job must be final, completed at most once, and its
   * status must agree with its history (a completed job's last attempt completed; a dead job's last
   * attempt failed or was lost; no completion in the history of a job that is not completed).
   */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    long completions = attempts.stream().filter(a -> a.outcome().equals("COMPLETED")).count();
    Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    if (!FINAL.contains(status)) {
      problems.add("NOT_FINAL: left " + status);
    } else if (!finished) {
      problems.add("NO_FINISHED_AT: " + status + " without finished_at");
    }
    if (completions > 1) {
      problems.add("COMPLETED_TWICE: " + completions + " completed attempts");
    }
    if (last != null && last.attempt() > attempt) {
      problems.add(
          "ATTEMPT_AHEAD: history has attempt " + last.attempt() + " > job attempt " + attempt);
    }
    switch (status) {
      case "COMPLETED" -> {
        if (last == null || !last.outcome().equals("COMPLETED") || last.attempt() != attempt) {
          problems.add(
              "STATUS_DISAGREES: completed, but the history's last attempt is "
                  + (last == null ? "none" : last)
                  + " (job attempt "
                  + attempt
                  + ")");
        }
      }
      case "DEAD" -> {
        if (last == null
            || last.attempt() != attempt
            || !(last.outcome().equals("FAILED") || last.outcome().equals("LOST"))) {
          problems.add(
              "STATUS_DISAGREES: dead, but the history's last attempt is "
                  + (last == null ? "none" : last)
                  + " (job attempt "
                  + attempt
                  + ")");
        }
      }
      default -> {}
    }
    if (!status.equals("COMPLETED") && completions > 0) {
      problems.add("STATUS_DISAGREES: " + status + " though its history has a completed attempt");
    }
    return problems;
  }

  String describe() {
    return status
        + " attempt="
        + attempt
        + "/"
        + maxAttempts
        + " worker="
        + workerId
        + " history="
        + attempts;
  }
}
