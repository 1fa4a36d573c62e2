/**
 * JSON for everyone: text through one JSON-P provider, objects through one JSON-B. Depends on no
 * feature, so that features and the web module can share it.
 */
package io.taskqueue.json;
