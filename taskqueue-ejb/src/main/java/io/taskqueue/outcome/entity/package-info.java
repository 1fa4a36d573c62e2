/** An outcome as the outbox holds it. */
package io.taskqueue.outcome.entity;
