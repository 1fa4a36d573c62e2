/** The {@code email} job type: a CDI bean that reads its configuration and hands jobs on. */
package io.taskqueue.handlers.email.boundary;
