/** What every feature and the web module use of the store plumbing: JSON text. */
package io.taskqueue.store.boundary;
