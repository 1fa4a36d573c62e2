/** {@link io.taskqueue.job.boundary.JobsResource}: {@code /api/jobs}. */
package io.taskqueue.job.boundary;
