/** Histograms, periods and the statistics answer. */
package io.taskqueue.stats.entity;
