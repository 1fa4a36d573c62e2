/** The statistics facade. */
package io.taskqueue.stats.boundary;
