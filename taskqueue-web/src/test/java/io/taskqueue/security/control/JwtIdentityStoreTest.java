package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.security.entity.BearerCredential;
import io.taskqueue.support.TestTokens;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JwtIdentityStoreTest {

  private final Logger log = Logger.getLogger(JwtIdentityStore.class.getName());
  private final List<LogRecord> warnings = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            warnings.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void listen() {
    log.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    log.removeHandler(capture);
  }

  @Test
  void jwtsWithoutAnAudienceCheckAreWarnedAboutAtBoot() throws Exception {
    store(Optional.empty()).configure();
    assertTrue(
        warnings.stream().anyMatch(r -> r.getMessage().contains("mp.jwt.verify.audiences")),
        "a warning names the missing setting");
  }

  @Test
  void noWarningWhenAudiencesAreConfigured() throws Exception {
    store(Optional.of("taskqueue")).configure();
    assertFalse(warnings.stream().anyMatch(r -> r.getMessage().contains("audiences")));
  }

  @Test
  void noWarningWhenJwtsAreNotConfiguredAtAll() {
    JwtIdentityStore store = new JwtIdentityStore();
    store.publicKey = Optional.empty();
    store.publicKeyLocation = Optional.empty();
    store.issuer = Optional.empty();
    store.audiences = Optional.empty();
    store.configure();
    assertTrue(warnings.isEmpty());
  }

  @Test
  void aCallerIsItsSubjectAtItsIssuerWhateverNameTheTokenGives() throws Exception {
    JwtIdentityStore store = trusting(0);
    JwtClaims renamed = TestTokens.claims("u-1", List.of("viewer"), 300);
    renamed.setClaim("upn", "alice");
    renamed.setClaim("preferred_username", "alice");
    JwtClaims reused = TestTokens.claims("u-2", List.of("viewer"), 300);
    reused.setClaim("upn", "alice");

    assertEquals("u-1@" + TestTokens.ISSUER, nameOf(store, TestTokens.sign(renamed, null)));
    assertEquals("u-2@" + TestTokens.ISSUER, nameOf(store, TestTokens.sign(reused, "JWT")));
  }

  @Test
  void onlyAccessTokensAreTakenWhenTheTokenSaysWhatItIs() throws Exception {
    JwtIdentityStore store = trusting(0);
    JwtClaims claims = TestTokens.claims("u-1", List.of("viewer"), 300);
    for (String typ : new String[] {"JWT", "at+jwt", "application/at+jwt"}) {
      assertEquals(
          CredentialValidationResult.Status.VALID,
          validate(store, TestTokens.sign(claims, typ)),
          typ);
    }
    for (String typ : new String[] {"logout+jwt", "dpop+jwt", "JWE"}) {
      assertEquals(
          CredentialValidationResult.Status.INVALID,
          validate(store, TestTokens.sign(claims, typ)),
          typ);
    }
    JwtClaims refresh = TestTokens.claims("u-1", List.of("viewer"), 300);
    refresh.setClaim("typ", "Refresh");
    assertEquals(
        CredentialValidationResult.Status.INVALID, validate(store, TestTokens.sign(refresh, null)));
    JwtClaims bearer = TestTokens.claims("u-1", List.of("viewer"), 300);
    bearer.setClaim("typ", "Bearer");
    assertEquals(
        CredentialValidationResult.Status.VALID, validate(store, TestTokens.sign(bearer, null)));
  }

  @Test
  void aMaximumLifetimeRefusesLongerLivedTokensAndTokensWithoutIssuedAt() throws Exception {
    JwtIdentityStore store = trusting(3600);
    assertEquals(
        CredentialValidationResult.Status.VALID,
        validate(store, TestTokens.sign(TestTokens.claims("u", List.of("viewer"), 1800), null)));
    assertEquals(
        CredentialValidationResult.Status.INVALID,
        validate(store, TestTokens.sign(TestTokens.claims("u", List.of("viewer"), 7200), null)));
    JwtClaims noIat = TestTokens.claims("u", List.of("viewer"), 600);
    noIat.unsetClaim("iat");
    assertEquals(
        CredentialValidationResult.Status.INVALID, validate(store, TestTokens.sign(noIat, null)));
    assertEquals(
        CredentialValidationResult.Status.VALID,
        validate(
            trusting(0), TestTokens.sign(TestTokens.claims("u", List.of("viewer"), 7200), null)),
        "no maximum unless configured");
  }

  private static JwtIdentityStore trusting(long maxLifetimeSeconds) {
    JwtIdentityStore store = new JwtIdentityStore();
    store.publicKey = Optional.of(TestTokens.publicKeyPem());
    store.publicKeyLocation = Optional.empty();
    store.issuer = Optional.of(TestTokens.ISSUER);
    store.audiences = Optional.empty();
    store.maxLifetimeSeconds = maxLifetimeSeconds;
    store.configure();
    return store;
  }

  private static CredentialValidationResult.Status validate(JwtIdentityStore store, String token) {
    return store.validate(new BearerCredential(token)).getStatus();
  }

  private static String nameOf(JwtIdentityStore store, String token) {
    CredentialValidationResult result = store.validate(new BearerCredential(token));
    assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
    return result.getCallerPrincipal().getName();
  }

  private static JwtIdentityStore store(Optional<String> audiences) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    JwtIdentityStore store = new JwtIdentityStore();
    store.publicKey =
        Optional.of(
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder()
                    .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----");
    store.publicKeyLocation = Optional.empty();
    store.issuer = Optional.of("https://idp.example.com");
    store.audiences = audiences;
    return store;
  }
}
