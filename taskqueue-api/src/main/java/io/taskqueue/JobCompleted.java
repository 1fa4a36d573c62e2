package io.taskqueue;

import jakarta.json.JsonValue;
import java.util.UUID;

/**
 * A job completed: its handler returned. See {@link JobOutcome} for how it is delivered.
 *
 * @param jobId the job's id
 * @param type the job's type
 * @param attempt the attempt that completed it
 * @param result what the handler returned, as JSON ({@link JsonValue#NULL} for nothing, or when the
 *     job was removed before the delivery)
 */
public record JobCompleted(UUID jobId, String type, int attempt, JsonValue result)
    implements JobOutcome {}
