/** Submitting, reading and cancelling workflows; releasing waiting jobs. */
package io.taskqueue.workflow.boundary;
