/**
 * Progress and log lines that handlers report while they run: buffered in memory, written in
 * batches (no write per call, whatever a handler's loop does), bounded per job, published live.
 */
package io.taskqueue.progress;
