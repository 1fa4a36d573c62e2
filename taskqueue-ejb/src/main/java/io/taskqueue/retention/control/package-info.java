/** The removal statements and one paced round of them. */
package io.taskqueue.retention.control;
