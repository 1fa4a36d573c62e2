/** The webhook handler's values: its settings, one parsed request, and the job's result. */
package io.taskqueue.handlers.webhook.entity;
