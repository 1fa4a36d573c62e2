package io.taskqueue.handlers.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.email.entity.EmailMessage;
import io.taskqueue.handlers.testing.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailPayloadTest {

  @Test
  void rendersSubjectTextAndHtmlFromTheVariables() throws Exception {
    EmailMessage message =
        EmailPayload.render(
            Json.object(
                "{'to': 'ada@example.com', 'subject': 'Hi {{name}}', 'text': 'n={{n}} {{ok}}',"
                    + " 'html': '<b>{{name}}</b>', 'variables': {'name': 'A<B', 'n': 3, 'ok':"
                    + " true}}"));

    assertEquals(
        new EmailMessage(
            List.of("ada@example.com"), "Hi A<B", "n=3 true", Optional.of("<b>A&lt;B</b>")),
        message);
  }

  @Test
  void takesOneAddressOrAList() throws Exception {
    EmailMessage message =
        EmailPayload.render(
            Json.object(
                "{'to': ['a@example.com', 'B <b@example.com>'], 'subject': 's', 'text': 't'}"));

    assertEquals(List.of("a@example.com", "B <b@example.com>"), message.to());
  }

  @Test
  void refusesPayloadsThatCanNeverBeSent() {
    String[] payloads = {
      "{'subject': 's', 'text': 't'}",
      "{'to': [], 'subject': 's', 'text': 't'}",
      "{'to': 'not an address', 'subject': 's', 'text': 't'}",
      "{'to': 'a@example.com, b@example.com', 'subject': 's', 'text': 't'}",
      "{'to': [1], 'subject': 's', 'text': 't'}",
      "{'to': 'a@example.com', 'text': 't'}",
      "{'to': 'a@example.com', 'subject': 's'}",
      "{'to': 'a@example.com', 'subject': 's', 'text': '{{missing}}'}",
      "{'to': 'a@example.com', 'subject': '{{v}}', 'text': 't', 'variables': {'v': 'a\\r\\nBcc: x@evil.example'}}",
      "{'to': 'a@example.com', 'subject': 's', 'text': 't', 'variables': {'v': {}}}",
      "{'to': 'a@example.com', 'subject': 's', 'text': 't', 'variables': []}"
    };
    for (String payload : payloads) {
      assertThrows(
          NonRetryableException.class, () -> EmailPayload.render(Json.object(payload)), payload);
    }
  }
}
