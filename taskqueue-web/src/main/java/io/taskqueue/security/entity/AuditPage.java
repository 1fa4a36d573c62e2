package io.taskqueue.security.entity;

import java.util.List;

/** A page of the audit log, newest first; {@code next} is the cursor of the following page. */
public record AuditPage(List<AuditRecord> items, String next) {}
