/** What {@code /api/retention} answers. */
package io.taskqueue.retention.entity;
