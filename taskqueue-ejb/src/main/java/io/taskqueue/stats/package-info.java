/**
 * Statistics for the console that stay fast at any table size: exact job counts per status kept by
 * triggers, and finished attempts rolled up per node and 10-second period.
 */
package io.taskqueue.stats;
