/** Delivering recorded outcomes to the application's observers; waiting for a job to finish. */
package io.taskqueue.outcome.boundary;
