package io.taskqueue.security.entity;

import java.time.OffsetDateTime;

/**
 * One operator or admin action: who ({@code actor}, proved by {@code auth}), what ({@code action},
 * such as {@code job.cancel}), on what ({@code target}: a job id, a queue, a filter, a key), how
 * many jobs it touched, from which address, and its outcome.
 */
public record AuditRecord(
    long id,
    OffsetDateTime at,
    String actor,
    String auth,
    String action,
    String target,
    Integer jobCount,
    String remoteAddr,
    String outcome) {}
