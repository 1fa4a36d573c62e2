/** The observers found in the application, and the outbox's SQL. */
package io.taskqueue.outcome.control;
