/** Cron expressions in time zones, the plan of what a due schedule fires, and its SQL. */
package io.taskqueue.recurring.control;
