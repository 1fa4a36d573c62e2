/** Schedules as stored and as requested, their policies and their fire plans. */
package io.taskqueue.recurring.entity;
