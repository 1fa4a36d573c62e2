/**
 * Jobs: submitting them (row first, Redis after commit), finding and listing them, and the fenced
 * writes that move a job between statuses.
 */
package io.taskqueue.job;
