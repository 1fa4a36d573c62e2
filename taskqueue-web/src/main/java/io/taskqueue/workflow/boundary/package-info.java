/** {@code /api/workflows}: jobs that depend on each other, submitted together. */
package io.taskqueue.workflow.boundary;
