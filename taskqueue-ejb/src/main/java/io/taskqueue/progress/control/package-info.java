/** The bounded buffer between handlers and the database, and its SQL. */
package io.taskqueue.progress.control;
