package io.taskqueue.events.entity;

/**
 * An event heard on the Redis channel, from any node (this one included), fired to this node's
 * listeners: its JSON as published, and the parsed event to filter on.
 */
public record RelayedEvent(String json, JobEvent event) {}
