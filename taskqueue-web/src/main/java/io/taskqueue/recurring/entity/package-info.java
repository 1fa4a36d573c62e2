/** Schedules as the API shows them. */
package io.taskqueue.recurring.entity;
