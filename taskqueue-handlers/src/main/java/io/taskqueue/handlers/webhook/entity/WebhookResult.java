package io.taskqueue.handlers.webhook.entity;

/**
 * What a successful call leaves as the job's result.
 *
 * @param status the 2xx status the receiver answered
 * @param body the first 1,024 characters of the receiver's answer
 */
public record WebhookResult(int status, String body) {}
