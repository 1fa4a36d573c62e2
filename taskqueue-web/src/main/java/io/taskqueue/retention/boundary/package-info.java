/**
 * {@code /api/retention}: the ages rows are kept, changed at run time by an admin, and the last
 * round.
 */
package io.taskqueue.retention.boundary;
