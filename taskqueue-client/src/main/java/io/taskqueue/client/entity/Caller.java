package io.taskqueue.client.entity;

import java.util.List;

/** Who the client is, and its roles. */
public record Caller(String name, String via, List<String> roles) {}
