/**
 * The live event feed: a WebSocket at {@code /ws/events} relaying every node's events to each
 * client that asked for them, without letting a slow client hold memory or stall the others.
 */
package io.taskqueue.events;
