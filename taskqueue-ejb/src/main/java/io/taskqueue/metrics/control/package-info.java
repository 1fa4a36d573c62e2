/** Counters and timers, and the store-error counter. */
package io.taskqueue.metrics.control;
