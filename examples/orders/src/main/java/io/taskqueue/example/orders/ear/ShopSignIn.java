package io.taskqueue.example.orders.ear;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The shop's own sign-in when it is its own module of an EAR: HTTP Basic against one user from
 * configuration ({@code example.shop.user}, {@code example.shop.password}), who may place orders. A
 * real shop signs its users in its own way; taskqueue's keys sign in to taskqueue's module only.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "shop")
public class ShopSignIn implements IdentityStore {

  @Inject
  @ConfigProperty(name = "example.shop.user")
  String user;

  @Inject
  @ConfigProperty(name = "example.shop.password")
  String password;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (credential instanceof UsernamePasswordCredential given
        && given.getCaller().equals(user)
        && MessageDigest.isEqual(
            given.getPasswordAsString().getBytes(StandardCharsets.UTF_8),
            password.getBytes(StandardCharsets.UTF_8))) {
      return new CredentialValidationResult(user, Set.of("submitter"));
    }
    return CredentialValidationResult.INVALID_RESULT;
  }
}
