package io.taskqueue;

/** How much a line a handler logs with {@link JobContext#log(LogLevel, String)} matters. */
public enum LogLevel {
  /** Detail for whoever debugs the handler. */
  DEBUG,
  /** What the handler is doing. */
  INFO,
  /** Something unexpected the handler could live with. */
  WARN,
  /** Something that went wrong. */
  ERROR
}
