/** What a node reports about itself and its worker threads in its heartbeat. */
package io.taskqueue.worker.entity;
