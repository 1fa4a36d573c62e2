package io.taskqueue.client.entity;

import java.util.List;
import java.util.Map;

/** Jobs waiting per priority (Redis) and per status (PostgreSQL). */
public record QueueOverview(
    Map<String, Long> waiting,
    Map<String, Long> statuses,
    Long delayed,
    Long inFlight,
    List<String> paused) {}
