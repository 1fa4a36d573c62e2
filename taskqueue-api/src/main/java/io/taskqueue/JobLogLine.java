package io.taskqueue;

import java.time.Instant;

/**
 * One line a handler logged with {@link JobContext#log(LogLevel, String)}.
 *
 * @param seq its number in the job's log, from 1, across attempts
 * @param attempt the attempt that logged it
 * @param at when
 * @param level its level
 * @param message its text
 */
public record JobLogLine(int seq, int attempt, Instant at, LogLevel level, String message) {}
