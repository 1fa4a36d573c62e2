/** Value records: what a run measured, the machine it ran on, the queue state read from the API. */
package io.taskqueue.bench.entity;
