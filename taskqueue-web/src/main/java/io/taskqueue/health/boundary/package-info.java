/** The checks behind {@code /health/live}, {@code /health/ready} and {@code /health/started}. */
package io.taskqueue.health.boundary;
