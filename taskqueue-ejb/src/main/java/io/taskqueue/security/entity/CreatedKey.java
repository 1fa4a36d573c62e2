package io.taskqueue.security.entity;

/** A key just created, with its secret: the one time the secret is ever shown. */
public record CreatedKey(ApiKey key, String secret) {}
