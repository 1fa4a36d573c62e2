/**
 * Plumbing every feature shares to reach the stores: the Redis client, its key names and its Lua
 * scripts, and the count of store errors. No business logic lives here, and it depends on no
 * feature, so that features can share it without depending on each other.
 */
package io.taskqueue.store;
