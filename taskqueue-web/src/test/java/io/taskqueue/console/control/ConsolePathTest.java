package io.taskqueue.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsolePathTest {

  @Test
  void theRootIsTheDefaultAndTakesThePageAndItsAssetsOnly() {
    ConsolePath root = ConsolePath.parse("/");
    assertSame(ConsolePath.ROOT, root);
    assertSame(ConsolePath.ROOT, ConsolePath.parse(null));
    assertEquals(List.of("", "/index.html", "/assets/*"), root.mappings());
    assertTrue(root.contains(""));
    assertTrue(root.contains("/"));
    assertTrue(root.contains("/assets/index-1.js"));
    assertFalse(root.contains("/shop/orders"));
    assertEquals(Optional.of("index.html"), root.file("/"));
    assertEquals(Optional.of("index.html"), root.file("/index.html"));
    assertEquals(Optional.of("assets/index-1.js"), root.file("/assets/index-1.js"));
  }

  @Test
  void aSubPathTakesEverythingUnderItAndNothingElse() {
    ConsolePath admin = ConsolePath.parse(" /admin/jobs/ ");
    assertEquals("/admin/jobs", admin.value());
    assertEquals(List.of("/admin/jobs", "/admin/jobs/*"), admin.mappings());
    assertTrue(admin.contains("/admin/jobs"));
    assertTrue(admin.contains("/admin/jobs/assets/x.css"));
    assertFalse(admin.contains("/"), "the root is the application's");
    assertFalse(admin.contains("/index.html"));
    assertFalse(admin.contains("/assets/index-1.js"));
    assertFalse(admin.contains("/admin/jobsearch"));
    assertEquals(Optional.of("index.html"), admin.file("/admin/jobs/"));
    assertEquals(Optional.of("index.html"), admin.file("/admin/jobs/index.html"));
    assertEquals(Optional.of("assets/x.css"), admin.file("/admin/jobs/assets/x.css"));
  }

  @Test
  void onlyThePageAndItsAssetsAreFilesNeverAnythingOutside() {
    ConsolePath admin = ConsolePath.parse("/admin/jobs");
    for (String outside :
        List.of(
            "/admin/jobs/WEB-INF/web.xml",
            "/admin/jobs/assets/../index.html",
            "/admin/jobs/assets/sub/x.js",
            "/admin/jobs/assets/..",
            "/admin/jobs/other.html",
            "/admin/jobsx",
            "/elsewhere/index.html")) {
      assertEquals(Optional.empty(), admin.file(outside), outside);
    }
  }

  @Test
  void pathsThatAreNoneOrBelongToTaskqueueOrTheServerAreRefusedNamingTheKey() {
    for (String bad :
        List.of(
            "admin",
            "/admin//jobs",
            "/admin/../api",
            "/a b",
            "/api",
            "/API/console",
            "/ws",
            "/health",
            "/metrics/x",
            "/openapi",
            "/WEB-INF",
            "/./x")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> ConsolePath.parse(bad), bad);
      assertTrue(refused.getMessage().contains(ConsolePath.KEY), refused.getMessage());
    }
  }
}
