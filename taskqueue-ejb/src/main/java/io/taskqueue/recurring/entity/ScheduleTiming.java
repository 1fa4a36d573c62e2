package io.taskqueue.recurring.entity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** When a cron expression fires in a time zone: in words, and its next fire times. */
public record ScheduleTiming(String description, ZoneId zone, List<Instant> next) {}
