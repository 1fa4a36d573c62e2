package io.taskqueue.security.entity;

/** A one-time ticket for {@code /ws/events?ticket=…}, valid for {@code expiresInSeconds}. */
public record WsTicket(String ticket, int expiresInSeconds) {}
