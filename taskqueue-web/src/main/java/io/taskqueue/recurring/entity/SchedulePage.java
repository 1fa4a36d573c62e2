package io.taskqueue.recurring.entity;

import java.util.List;

/** Schedules by name; {@code next} is the cursor of the next page (null on the last). */
public record SchedulePage(List<ScheduleView> items, String next) {}
