/** Rolling up, storing and folding the counters. */
package io.taskqueue.stats.control;
