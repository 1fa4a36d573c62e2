/** Reporting, flushing and reading progress and logs. */
package io.taskqueue.progress.boundary;
