package io.taskqueue.events.boundary;

import io.taskqueue.security.control.WsHandshakes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Puts the sign-in that admitted the handshake into the new session's user properties (under {@link
 * #SIGN_IN}), where {@link EventsEndpoint} finds it. The user properties seen here are the
 * connection's own copy (Jakarta WebSocket 2.1), so concurrent handshakes do not mix.
 */
public class SignedInHandshake extends ServerEndpointConfig.Configurator {

  static final String SIGN_IN = "io.taskqueue.sign-in";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    config.getUserProperties().remove(SIGN_IN);
    WsHandshakes handshakes = CDI.current().select(WsHandshakes.class).get();
    WsHandshakes.credentialOf(request.getHeaders(), request.getParameterMap())
        .flatMap(handshakes::find)
        .ifPresent(signIn -> config.getUserProperties().put(SIGN_IN, signIn));
  }
}
