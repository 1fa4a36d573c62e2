/** The queues API: what waits in Redis and how many jobs are in each status. */
package io.taskqueue.queue;
