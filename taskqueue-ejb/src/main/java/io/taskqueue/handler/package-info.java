/**
 * The handler SPI: a team adds a job type by writing a CDI bean that implements {@link
 * io.taskqueue.handler.boundary.JobHandler}, in its own module. Built-in diagnostic handlers live
 * in {@code control}.
 */
package io.taskqueue.handler;
