/** Checking submissions against the limits and the known job types; the opaque list cursor. */
package io.taskqueue.job.control;
