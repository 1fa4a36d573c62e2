package io.taskqueue.security.control;

import io.taskqueue.security.entity.BearerCredential;
import io.taskqueue.security.entity.Role;
import io.taskqueue.security.entity.SignIn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * MicroProfile JWT bearer tokens from an external identity provider, configured with the
 * MicroProfile JWT keys ({@code mp.jwt.verify.publickey} or {@code .location}, {@code
 * mp.jwt.verify.issuer}, and {@code mp.jwt.verify.audiences}, without which a warning is logged at
 * boot and tokens for any audience are taken). Both a key and an issuer are required; without them
 * every token is refused. The caller is named by {@code upn}, else {@code preferred_username}, else
 * {@code sub}; its roles are the taskqueue roles in {@code groups}.
 *
 * <p>Payara's own MP-JWT mechanism is not used because an application has one authentication
 * mechanism, and ours also takes API keys and tickets.
 */
@ApplicationScoped
public class JwtIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(JwtIdentityStore.class.getName());

  static final int ALLOWED_SKEW_SECONDS = 30;

  static final String NO_AUDIENCE_WARNING =
      "SECURITY: mp.jwt.verify.audiences is not set, so the audience of JWTs is not checked: any"
          + " token the issuer signs, for whatever service, is accepted here. Set"
          + " mp.jwt.verify.audiences to this service's audience.";

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.publickey.location")
  Optional<String> publicKeyLocation;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.issuer")
  Optional<String> issuer;

  @Inject
  @ConfigProperty(name = "mp.jwt.verify.audiences")
  Optional<String> audiences;

  private JwtConsumer consumer;

  @PostConstruct
  void configure() {
    if (issuer.isEmpty() || (publicKey.isEmpty() && publicKeyLocation.isEmpty())) {
      return;
    }
    JwtConsumerBuilder builder =
        new JwtConsumerBuilder()
            .setRequireExpirationTime()
            .setAllowedClockSkewInSeconds(ALLOWED_SKEW_SECONDS)
            .setExpectedIssuer(issuer.get())
            .setJwsAlgorithmConstraints(
                new AlgorithmConstraints(
                    ConstraintType.PERMIT,
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256))
            .setVerificationKeyResolver(
                VerificationKeys.resolver(publicKey.orElse(null), publicKeyLocation.orElse(null)));
    if (audiences.isPresent()) {
      builder.setExpectedAudience(audiences.get().split("\\s*,\\s*"));
    } else {
      // Refusing to start would break every deployment whose provider issues one audience-less
      // token per realm; but the operator must know that tokens minted for any other service of
      // the same issuer are accepted here.
      LOG.warning(NO_AUDIENCE_WARNING);
      builder.setSkipDefaultAudienceValidation();
    }
    consumer = builder.build();
    LOG.info(() -> "accepting JWTs from issuer " + issuer.get());
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof BearerCredential bearer) || !bearer.isJwt()) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    if (consumer == null) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    try {
      JwtClaims claims = consumer.processToClaims(bearer.token());
      String name = name(claims);
      if (name == null) {
        return CredentialValidationResult.INVALID_RESULT;
      }
      // The session of a WebSocket opened with this token ends when the token would be refused.
      Instant expires =
          Instant.ofEpochMilli(claims.getExpirationTime().getValueInMillis())
              .plusSeconds(ALLOWED_SKEW_SECONDS);
      return new CredentialValidationResult(
          new SignInPrincipal(name, SignIn.jwt(expires)), roles(claims));
    } catch (InvalidJwtException | MalformedClaimException e) {
      LOG.fine(() -> "JWT refused: " + e.getMessage());
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  private static String name(JwtClaims claims) throws MalformedClaimException {
    for (String claim : List.of("upn", "preferred_username")) {
      if (claims.hasClaim(claim)) {
        return claims.getStringClaimValue(claim);
      }
    }
    return claims.getSubject();
  }

  private static Set<String> roles(JwtClaims claims) throws MalformedClaimException {
    if (!claims.hasClaim("groups")) {
      return Set.of();
    }
    return claims.getStringListClaimValue("groups").stream()
        .filter(group -> Role.fromWireName(group).isPresent())
        .collect(Collectors.toSet());
  }
}
