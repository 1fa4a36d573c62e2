/** The {@code image.resize} job type: a CDI bean that reads its configuration and hands jobs on. */
package io.taskqueue.handlers.image.boundary;
