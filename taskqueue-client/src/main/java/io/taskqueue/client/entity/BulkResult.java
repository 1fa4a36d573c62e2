package io.taskqueue.client.entity;

/** How many dead jobs a bulk action retried or deleted. */
public record BulkResult(Integer retried, Integer deleted) {}
