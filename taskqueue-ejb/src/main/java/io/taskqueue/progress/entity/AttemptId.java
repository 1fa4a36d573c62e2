package io.taskqueue.progress.entity;

import java.util.UUID;

/** One attempt of one job: what log lines are kept, counted and fenced by. */
public record AttemptId(UUID jobId, int attempt) {}
