/** Maps refused workflows to problem responses. */
package io.taskqueue.workflow.control;
