package io.taskqueue.client.entity;

/** An RFC 9457 problem document: what the server refused and why. */
public record Problem(String title, String detail, String type, Integer status) {}
