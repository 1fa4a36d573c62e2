/**
 * What application code needs to run its own work on taskqueue: implement {@link
 * io.taskqueue.JobHandler} as a CDI bean, and submit jobs with the {@link io.taskqueue.TaskQueue}
 * bean, inside your own JTA transaction if you have one.
 *
 * <p>This package is the only part of taskqueue an application compiles against; the engine
 * implements it.
 */
package io.taskqueue;
