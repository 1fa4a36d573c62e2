package io.taskqueue.client.entity;

import java.time.OffsetDateTime;
import java.util.List;

/** An API key to create: its name, roles and (optionally) when it expires. */
public record KeyRequest(String name, List<String> roles, OffsetDateTime expiresAt) {}
