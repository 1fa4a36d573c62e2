/** How calls travel: HTTP, JSON, retries, pages. Internal to the client; not an API. */
package io.taskqueue.client.control;
