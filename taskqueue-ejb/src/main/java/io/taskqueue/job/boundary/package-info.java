/** {@link io.taskqueue.job.boundary.JobService}: the facade the REST resources call. */
package io.taskqueue.job.boundary;
