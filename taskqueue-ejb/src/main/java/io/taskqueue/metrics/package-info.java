/**
 * MicroProfile Metrics: job counters and timers fed by committed events, gauges read from Redis,
 * the statistics tables and the worker pool, and error counts per backing store.
 */
package io.taskqueue.metrics;
