/** The statistics resource. */
package io.taskqueue.stats.boundary;
