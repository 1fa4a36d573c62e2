/** {@code /api/stats}: the console's numbers, from maintained counters and rollups. */
package io.taskqueue.stats;
