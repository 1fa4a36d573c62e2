/** {@link io.taskqueue.schedule.boundary.BackgroundDuties}: schedules the tasks of this node. */
package io.taskqueue.schedule.boundary;
