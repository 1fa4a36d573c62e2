/** Retention as configured and as an admin changed it; one round of it. */
package io.taskqueue.retention.boundary;
