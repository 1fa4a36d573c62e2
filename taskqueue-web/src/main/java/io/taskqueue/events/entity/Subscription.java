package io.taskqueue.events.entity;

import java.util.List;

/**
 * A client's subscribe message, {@code {"action":"subscribe","types":[...],"jobTypes":[...],
 * "jobIds":[...]}}, and the server's answer (with {@code action} "subscribed"). An empty or absent
 * list matches everything; types may end in {@code *} ({@code job.*}).
 */
public record Subscription(
    String action, List<String> types, List<String> jobTypes, List<String> jobIds) {}
