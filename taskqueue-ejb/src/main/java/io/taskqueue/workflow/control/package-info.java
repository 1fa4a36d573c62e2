/** The dependency graph of a submission, checked before anything is stored, and its SQL. */
package io.taskqueue.workflow.control;
