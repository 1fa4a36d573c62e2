/** Progress reports and log lines. */
package io.taskqueue.progress.entity;
