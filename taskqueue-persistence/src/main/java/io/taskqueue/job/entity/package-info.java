/**
 * A job as PostgreSQL stores it, the source of truth, and the one table of status changes every
 * code path must respect.
 */
package io.taskqueue.job.entity;
