package io.taskqueue.security.entity;

import java.util.Set;

/** {@code GET /api/me}: who the caller is, how it signed in, and every role it holds. */
public record Me(String name, String via, Set<String> roles) {}
