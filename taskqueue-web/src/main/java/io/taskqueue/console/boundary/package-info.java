/** The servlet that serves the console's files, registered at start-up at the configured path. */
package io.taskqueue.console.boundary;
