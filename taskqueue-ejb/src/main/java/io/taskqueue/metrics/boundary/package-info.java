/** Registers the gauges at startup. */
package io.taskqueue.metrics.boundary;
