package io.taskqueue.client.entity;

import java.time.OffsetDateTime;

/** Who did what, when. */
public record AuditEntry(
    Long id,
    OffsetDateTime at,
    String actor,
    String auth,
    String action,
    String target,
    Integer jobCount,
    String remoteAddr,
    String outcome) {}
