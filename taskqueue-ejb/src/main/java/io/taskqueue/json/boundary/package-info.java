/** Reading, writing and mapping JSON. */
package io.taskqueue.json.boundary;
