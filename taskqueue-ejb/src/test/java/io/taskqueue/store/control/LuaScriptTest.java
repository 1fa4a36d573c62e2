package io.taskqueue.store.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LuaScriptTest {

  private static final List<String> SCRIPTS =
      List.of(
          "ack",
          "claim",
          "enqueue",
          "extend_lease",
          "find_expired",
          "promote_due",
          "requeue",
          "restore",
          "resume",
          "retry_later");

  @Test
  void everyIncludeIsReplacedByItsFragmentAndEveryFragmentUsedIsDefined() {
    for (String name : SCRIPTS) {
      String source = LuaScript.fromResource(name).source();
      assertFalse(source.contains("@include"), name);
      for (String fragment : List.of("nowMs", "leaseIs", "wake")) {
        if (source.contains(fragment + "(")) {
          assertTrue(source.contains("local function " + fragment + "("), name + ": " + fragment);
        }
      }
    }
  }

  @Test
  void theFenceIsWrittenOnceInAFragmentNotInEachScript() {
    for (String name : SCRIPTS) {
      String source = LuaScript.fromResource(name).source();
      long fences = source.split("string.sub\\(held", -1).length - 1;
      assertTrue(fences <= 1, name + " spells the lease fence out " + fences + " times");
    }
  }
}
