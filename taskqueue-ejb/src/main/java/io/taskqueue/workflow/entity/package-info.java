/** Workflow requests, refusals and views of jobs with their parents and children. */
package io.taskqueue.workflow.entity;
