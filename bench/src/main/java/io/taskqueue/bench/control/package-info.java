/**
 * The machinery: the HTTP client of the taskqueue API, the workloads, the /proc samplers, the
 * percentile arithmetic and the reports.
 */
package io.taskqueue.bench.control;
