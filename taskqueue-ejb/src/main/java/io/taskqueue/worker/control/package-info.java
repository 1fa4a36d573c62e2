/** One worker's loop, and the execution of one claimed job. */
package io.taskqueue.worker.control;
