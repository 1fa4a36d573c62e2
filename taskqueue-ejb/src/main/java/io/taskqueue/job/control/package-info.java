/** Fenced status writes, id generation, retry backoff and the hand-off to Redis after commit. */
package io.taskqueue.job.control;
