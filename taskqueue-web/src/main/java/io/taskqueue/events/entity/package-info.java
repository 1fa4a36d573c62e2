/** What a client sends to change its subscription, and what it is told back. */
package io.taskqueue.events.entity;
