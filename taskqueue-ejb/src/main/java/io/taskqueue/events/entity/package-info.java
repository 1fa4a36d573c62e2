/** The event schema, the one shape every event has on the wire. */
package io.taskqueue.events.entity;
