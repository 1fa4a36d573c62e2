/** The email handler's values: its SMTP settings, one rendered message, and the job's result. */
package io.taskqueue.handlers.email.entity;
