/** The background tasks themselves. */
package io.taskqueue.duty.control;
