/** {@code /api/schedules}: recurring jobs over REST. */
package io.taskqueue.recurring.boundary;
