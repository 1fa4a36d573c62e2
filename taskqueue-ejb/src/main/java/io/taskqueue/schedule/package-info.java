/**
 * Background duties that run on every node on a fixed delay, each a small named task: today {@link
 * io.taskqueue.schedule.control.PromoteDueJobs}. They are safe to run on many nodes at once.
 */
package io.taskqueue.schedule;
