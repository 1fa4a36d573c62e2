/** Storing, changing and firing schedules: what the REST resource and the firing duty call. */
package io.taskqueue.recurring.boundary;
