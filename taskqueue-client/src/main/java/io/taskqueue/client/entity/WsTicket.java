package io.taskqueue.client.entity;

/** A one-time ticket for the event feed. */
public record WsTicket(String ticket, Integer expiresInSeconds) {}
