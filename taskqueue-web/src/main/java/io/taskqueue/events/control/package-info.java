/** Sessions, their filters and their bounded send queues; keep-alive pings. */
package io.taskqueue.events.control;
