/** What other features call: emit events, and hear every node's events. */
package io.taskqueue.events.boundary;
