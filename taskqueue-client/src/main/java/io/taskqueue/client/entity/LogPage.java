package io.taskqueue.client.entity;

import java.util.List;

/** A job's log lines after a line number; {@code next} is where the following page starts. */
public record LogPage(List<LogLine> lines, Integer next, Integer dropped) {}
