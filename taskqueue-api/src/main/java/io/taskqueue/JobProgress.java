package io.taskqueue;

import java.time.Instant;

/**
 * What a job's handler last reported with {@link JobContext#progress(int, String)}.
 *
 * @param percent 0 to 100
 * @param message its message, or null
 * @param at when it was reported
 */
public record JobProgress(int percent, String message, Instant at) {}
