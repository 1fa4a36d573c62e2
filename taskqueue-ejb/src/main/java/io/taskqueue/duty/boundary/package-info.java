/** {@link io.taskqueue.duty.boundary.BackgroundDuties}: schedules the tasks of this node. */
package io.taskqueue.duty.boundary;
