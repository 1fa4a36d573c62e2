package io.taskqueue.handlers.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void fillsEveryPlaceholderWithItsVariable() throws Exception {
    assertEquals(
        "Dear Ada, order 42 for Ada.",
        Template.text(
            "Dear {{name}}, order {{ order.id }} for {{name}}.",
            Map.of("name", "Ada", "order.id", "42")));
  }

  @Test
  void leavesTextThatIsNoPlaceholderAloneAndDoesNotReadValuesAsReplacements() throws Exception {
    assertEquals(
        "{{ }} {name} $1 \\ {{x", Template.text("{{ }} {name} {{v}} {{x", Map.of("v", "$1 \\")));
  }

  @Test
  void missingVariablesFailTheJobNamingEachOfThem() {
    NonRetryableException failure =
        assertThrows(
            NonRetryableException.class,
            () -> Template.text("{{a}} {{name}} {{b}}", Map.of("name", "Ada")));
    assertTrue(failure.getMessage().contains("a, b"), failure.getMessage());
  }

  @Test
  void htmlEscapesValuesButNotTheTemplate() throws Exception {
    assertEquals(
        "<p>&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;s&#39;</p>",
        Template.html("<p>{{v}}</p>", Map.of("v", "<script>x</script> & \"q\" 's'")));
  }

  @Test
  void textDoesNotEscape() throws Exception {
    assertEquals("<b>&</b>", Template.text("{{v}}", Map.of("v", "<b>&</b>")));
  }
}
