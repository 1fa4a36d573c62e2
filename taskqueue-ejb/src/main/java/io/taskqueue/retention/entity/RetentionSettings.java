package io.taskqueue.retention.entity;

import java.time.Instant;

/**
 * The ages in force, what configuration says, and who last changed them at run time.
 *
 * @param ages the ages in force: an admin's where one set them, the configuration's otherwise
 * @param configured the ages from configuration ({@code taskqueue.retention.*-days})
 * @param changedBy the admin who last changed an age at run time; null if none did
 * @param changedAt when
 */
public record RetentionSettings(
    RetentionAges ages, RetentionAges configured, String changedBy, Instant changedAt) {}
