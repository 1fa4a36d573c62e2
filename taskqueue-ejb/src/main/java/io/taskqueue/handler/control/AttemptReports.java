package io.taskqueue.handler.control;

import io.taskqueue.LogLevel;

/** Where an attempt's progress and log lines go (the engine's telemetry, or nowhere in tests). */
public interface AttemptReports {

  AttemptReports NONE =
      new AttemptReports() {
        @Override
        public void progress(int percent, String message) {}

        @Override
        public void log(LogLevel level, String message) {}
      };

  void progress(int percent, String message);

  void log(LogLevel level, String message);
}
