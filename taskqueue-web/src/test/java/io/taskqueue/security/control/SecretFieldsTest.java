package io.taskqueue.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.json.boundary.JsonText;
import io.taskqueue.security.entity.Caller;
import io.taskqueue.security.entity.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretFieldsTest {

  private final SecretFields secrets = new SecretFields();

  SecretFieldsTest() {
    secrets.fields = "password, secret,token,Authorization";
    secrets.parse();
  }

  @Test
  void hidesSecretLookingFieldsAtAnyDepthAndNothingElse() {
    String payload =
        "{\"to\":\"ada\",\"dbPassword\":\"hunter2\",\"headers\":{\"X-Auth-Token\":\"t\","
            + "\"Accept\":\"json\"},\"accounts\":[{\"client_secret\":{\"v\":1},\"id\":7}],"
            + "\"authorization\":\"Bearer x\",\"tokenizer\":\"kept? no: contains token\"}";

    String hidden = secrets.hide(JsonText.readValue(payload)).toString();

    assertEquals(
        "{\"to\":\"ada\",\"dbPassword\":\"[redacted]\",\"headers\":{\"X-Auth-Token\":\"[redacted]\","
            + "\"Accept\":\"json\"},\"accounts\":[{\"client_secret\":\"[redacted]\",\"id\":7}],"
            + "\"authorization\":\"[redacted]\",\"tokenizer\":\"[redacted]\"}",
        hidden);
    assertEquals("42", secrets.hide(JsonText.readValue("42")).toString());
  }

  @Test
  void theSubmitterAndAdminsSeeSecretsOthersDoNot() {
    Caller owner = Caller.of("ci", List.of(Role.SUBMITTER), "key");
    Caller viewer = Caller.of("dash", List.of(Role.VIEWER), "key");
    Caller admin = Caller.of("root", List.of(Role.ADMIN), "key");
    assertTrue(secrets.visibleTo(owner, "key:ci"));
    assertTrue(secrets.visibleTo(admin, "key:ci"));
    assertFalse(secrets.visibleTo(viewer, "key:ci"));
  }

  @Test
  void aPayloadEditedFromItsHiddenFormIsRecognised() {
    assertTrue(
        secrets.holdsMarker(
            JsonText.readValue("{\"a\":[{\"password\":\"" + SecretFields.MARKER + "\"}]}")));
    assertFalse(secrets.holdsMarker(JsonText.readValue("{\"password\":\"new secret\"}")));
    assertFalse(
        secrets.holdsMarker(JsonText.readValue("{\"note\":\"" + SecretFields.MARKER + "\"}")));
  }
}
