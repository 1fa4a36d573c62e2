package io.taskqueue.worker.control;

import io.taskqueue.LogLevel;
import io.taskqueue.handler.control.AttemptReports;
import io.taskqueue.job.entity.StartedAttempt;
import io.taskqueue.progress.boundary.JobTelemetry;

/**
 * One attempt's progress and logs, handed to the telemetry buffer; remembers whether the handler
 * reported anything, so that only such an attempt pays for a flush when it ends.
 */
final class ReportingAttempt implements AttemptReports {

  private final JobTelemetry telemetry;
  private final StartedAttempt attempt;
  private volatile boolean reported;

  ReportingAttempt(JobTelemetry telemetry, StartedAttempt attempt) {
    this.telemetry = telemetry;
    this.attempt = attempt;
  }

  @Override
  public void progress(int percent, String message) {
    reported = true;
    telemetry.progress(attempt.jobId(), attempt.type(), attempt.attempt(), percent, message);
  }

  @Override
  public void log(LogLevel level, String message) {
    reported = true;
    telemetry.log(attempt.jobId(), attempt.attempt(), level, message);
  }

  boolean reported() {
    return reported;
  }
}
