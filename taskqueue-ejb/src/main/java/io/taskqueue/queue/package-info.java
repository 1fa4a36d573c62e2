/**
 * The dispatch path in Redis: one list per priority, leases of claimed jobs, delayed retries, and
 * wake tokens that let idle workers block instead of polling. Every state-moving verb is one Lua
 * script under {@code resources/redis/}.
 */
package io.taskqueue.queue;
