/** Values of outbound calls: the allow-list of hosts that every handler checks URLs against. */
package io.taskqueue.handlers.outbound.entity;
