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
import java.util.Locale;
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
import org.jose4j.jwt.consumer.JwtContext;

/**
 * MicroProfile JWT bearer tokens from an external identity provider, configured with the
 * MicroProfile JWT keys ({@code mp.jwt.verify.publickey} or {@code .location}, {@code
 * mp.jwt.verify.issuer}, and {@code mp.jwt.verify.audiences}, without which a warning is logged at
 * boot and tokens for any audience are taken). Both a key and an issuer are required; without them
 * every token is refused. The caller is its subject at its issuer ({@code <sub>@<iss>}): names such
 * as {@code upn} or {@code preferred_username} can be changed or given to someone else, and would
 * hand that person another user's jobs and idempotency keys. Its roles are the taskqueue roles in
 * {@code groups}. A token whose header {@code typ} is present must be a JWT or an access token
 * ({@code JWT}, {@code at+jwt}); one with a {@code typ} claim (Keycloak's) must be a {@code Bearer}
 * token, not an ID or refresh token. With {@code taskqueue.jwt.max-lifetime-seconds} set, a token
 * must carry {@code iat} and live no longer than that.
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

  @Inject
  @ConfigProperty(name = "taskqueue.jwt.max-lifetime-seconds", defaultValue = "0")
  long maxLifetimeSeconds;

  /** Header {@code typ} values taken (RFC 7519 and RFC 9068), without an {@code application/}. */
  static final Set<String> TOKEN_TYPES = Set.of("jwt", "at+jwt");

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
    if (maxLifetimeSeconds > 0) {
      builder
          .setRequireIssuedAt()
          .setMaxFutureValidityInMinutes((int) Math.max(1, (maxLifetimeSeconds + 59) / 60));
    }
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
      JwtContext token = consumer.process(bearer.token());
      JwtClaims claims = token.getJwtClaims();
      Optional<String> refusal = refusal(token, claims);
      if (refusal.isPresent()) {
        LOG.fine(() -> "JWT refused: " + refusal.get());
        return CredentialValidationResult.INVALID_RESULT;
      }
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

  /** Why a token that verified is still refused: its type, or a lifetime over the maximum. */
  Optional<String> refusal(JwtContext token, JwtClaims claims) throws MalformedClaimException {
    String type = token.getJoseObjects().get(0).getHeader("typ");
    if (type != null
        && !TOKEN_TYPES.contains(type.toLowerCase(Locale.ROOT).replaceFirst("^application/", ""))) {
      return Optional.of("header typ '" + type + "' is not a JWT access token");
    }
    if (claims.hasClaim("typ") && !"Bearer".equals(claims.getClaimValueAsString("typ"))) {
      return Optional.of("claim typ '" + claims.getClaimValueAsString("typ") + "' is not Bearer");
    }
    if (maxLifetimeSeconds > 0) {
      long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
      if (lifetime > maxLifetimeSeconds) {
        return Optional.of(
            "lives " + lifetime + " s, more than taskqueue.jwt.max-lifetime-seconds");
      }
    }
    return Optional.empty();
  }

  /** The subject at its issuer: the one name an identity provider never gives to someone else. */
  private static String name(JwtClaims claims) throws MalformedClaimException {
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      return null;
    }
    return subject + "@" + claims.getIssuer();
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
