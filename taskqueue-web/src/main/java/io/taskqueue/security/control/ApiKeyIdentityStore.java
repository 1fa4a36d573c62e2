package io.taskqueue.security.control;

import io.taskqueue.security.boundary.ApiKeys;
import io.taskqueue.security.boundary.KeySecrets;
import io.taskqueue.security.entity.BearerCredential;
import io.taskqueue.security.entity.Role;
import io.taskqueue.security.entity.SignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API keys: the bootstrap admin key from configuration ({@code TASKQUEUE_ADMIN_KEY}), else a key in
 * PostgreSQL that is neither revoked nor expired. Looked up on every request, so a revocation takes
 * effect on every node at once.
 */
@ApplicationScoped
public class ApiKeyIdentityStore implements IdentityStore {

  /** The caller name of the bootstrap key; no stored key may take it. */
  public static final String BOOTSTRAP_NAME = "bootstrap-admin";

  @Inject ApiKeys keys;

  @Inject
  @ConfigProperty(name = "taskqueue.admin.key")
  Optional<String> adminKey;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer) || bearer.isJwt()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String secret = bearer.token();
    if (adminKey.filter(k -> !k.isBlank()).filter(k -> KeySecrets.same(secret, k)).isPresent()) {
      return new CredentialValidationResult(
          new SignInPrincipal(BOOTSTRAP_NAME, SignIn.bootstrap()), Set.of(Role.ADMIN.wireName()));
    }
    return keys.findActive(secret)
        .map(
            key ->
                new CredentialValidationResult(
                    new SignInPrincipal(
                        key.name(),
                        SignIn.key(
                            key.id(),
                            key.expiresAt() == null ? null : key.expiresAt().toInstant())),
                    new HashSet<>(key.roles())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
