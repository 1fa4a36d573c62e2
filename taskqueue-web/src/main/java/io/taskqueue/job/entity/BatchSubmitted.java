package io.taskqueue.job.entity;

import java.util.List;
import java.util.UUID;

/** {@code POST /api/jobs/batch}: the ids of the created jobs, in submission order. */
public record BatchSubmitted(int count, List<UUID> ids) {}
