package io.taskqueue.handlers.outbound.control;

import java.net.UnknownHostException;

/**
 * A host resolved only to addresses that calls may not reach. An {@link UnknownHostException}, so
 * that the HTTP client gives up on the connection as it would for a name with no address.
 */
public final class RefusedAddressException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  public RefusedAddressException(String message) {
    super(message);
  }
}
