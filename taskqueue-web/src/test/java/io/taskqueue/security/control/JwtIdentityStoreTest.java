package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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
