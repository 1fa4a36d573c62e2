/**
 * The local launcher: starts real PostgreSQL and Redis binaries (or uses external ones named by
 * environment variables) and Payara Micro with the taskqueue WAR, all on 127.0.0.1. Tests of the
 * other modules reuse the same starters, so that what runs locally is what is tested.
 */
package io.taskqueue.launcher;
