/**
 * Startup configuration: the datasource (from MicroProfile Config) and the schema migration that
 * must finish before any worker or scheduled task starts.
 */
package io.taskqueue.configuration;
