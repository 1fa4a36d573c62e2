/** Workflows and dependencies as the API shows them. */
package io.taskqueue.workflow.entity;
