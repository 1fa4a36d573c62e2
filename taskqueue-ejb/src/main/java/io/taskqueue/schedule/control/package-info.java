/** The background tasks themselves. */
package io.taskqueue.schedule.control;
