/**
 * Renders a job's templates, sends the message over SMTP with Jakarta Mail, and sorts SMTP failures
 * into permanent (5xx) and transient (4xx, connection) ones.
 */
package io.taskqueue.handlers.email.control;
