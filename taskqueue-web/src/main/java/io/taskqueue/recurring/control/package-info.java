/** Maps refused schedules to problem responses. */
package io.taskqueue.recurring.control;
