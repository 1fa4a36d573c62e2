/** Turns a job's payload into one signed POST and its answer into a result or the right failure. */
package io.taskqueue.handlers.webhook.control;
