/**
 * The public Java API ({@link io.taskqueue.TaskQueue}) as the engine implements it: jobs, batches,
 * workflows and retries for the application's own code, through the same rules and services as
 * REST. A feature of its own because it sits above both jobs and workflows.
 */
package io.taskqueue.javaapi;
