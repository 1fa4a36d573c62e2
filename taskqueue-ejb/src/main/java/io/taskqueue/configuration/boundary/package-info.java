/** {@link io.taskqueue.configuration.boundary.DatabaseSetup}: datasource and migrations. */
package io.taskqueue.configuration.boundary;
