/**
 * MicroProfile Health checks for Kubernetes probes: liveness (worker loops and background tasks
 * alive), readiness (PostgreSQL and Redis reachable, schema migrated, workers started), startup.
 */
package io.taskqueue.health;
