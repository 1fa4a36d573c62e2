/**
 * Recurring jobs: schedules that submit a job at each fire time of a cron expression in a time
 * zone, exactly once per fire time across all nodes. (The {@code schedule} package is the node's
 * own background duties, one of which fires the due schedules.)
 */
package io.taskqueue.recurring;
