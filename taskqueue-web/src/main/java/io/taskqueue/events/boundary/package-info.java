/** The {@code /ws/events} WebSocket endpoint. */
package io.taskqueue.events.boundary;
