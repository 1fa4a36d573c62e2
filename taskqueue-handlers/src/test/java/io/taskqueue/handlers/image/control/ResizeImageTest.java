package io.taskqueue.handlers.image.control;

import static io.taskqueue.handlers.testing.LoopbackHttpServer.respond;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.NonRetryableException;
import io.taskqueue.handlers.image.entity.ImageSettings;
import io.taskqueue.handlers.image.entity.ResizedImage;
import io.taskqueue.handlers.outbound.boundary.RetryableRemoteException;
import io.taskqueue.handlers.outbound.entity.AllowedHosts;
import io.taskqueue.handlers.testing.Json;
import io.taskqueue.handlers.testing.LoopbackHttpServer;
import io.taskqueue.handlers.testing.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResizeImageTest {

  private static final UUID JOB = UUID.fromString("3e2f5c1a-9b8d-4c7e-a6f5-1d2c3b4a5e6f");

  @TempDir Path temp;
  private Path storage;
  private Path outside;
  private final LoopbackHttpServer server = new LoopbackHttpServer();

  @BeforeEach
  void makeStorage() throws Exception {
    storage = Files.createDirectories(temp.resolve("storage"));
    outside = Files.createDirectories(temp.resolve("outside"));
    TestImages.write(storage.resolve("photos/cat.png"), 400, 300, "png");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ResizeImage resizer(long maxPixels, long maxInputBytes) {
    return new ResizeImage(
        new ImageSettings(
            storage,
            AllowedHosts.parse("127.0.0.1:*").withInternalNetworks("127.0.0.1"),
            maxPixels,
            maxInputBytes,
            Duration.ofSeconds(1),
            Duration.ofSeconds(3),
            Duration.ofHours(24)),
        Clock.systemUTC());
  }

  private ResizeImage resizer() {
    return resizer(40_000_000, 5_000_000);
  }

  private ResizedImage resize(String payload) throws Exception {
    return resizer().resize(JOB, Json.object(payload));
  }

  @Test
  void resizesIntoTheBoxKeepingTheAspectRatioAndWritesBesideTheOriginal() throws Exception {
    ResizedImage result = resize("{'path': 'photos/cat.png', 'width': 200, 'height': 200}");

    assertEquals("photos/cat-200x150.png", result.path());
    assertEquals(200, result.width());
    assertEquals(150, result.height());
    Path written = storage.resolve(result.path());
    assertEquals(Files.size(written), result.bytes());
    BufferedImage image = ImageIO.read(written.toFile());
    assertEquals(200, image.getWidth());
    assertEquals(150, image.getHeight());
    assertTrue(isReddish(image.getRGB(20, 75)), "the left stays red");
    assertTrue(isBluish(image.getRGB(180, 75)), "the right stays blue");
  }

  @Test
  void oneSideIsEnoughAndTheOtherFollows() throws Exception {
    ResizedImage result = resize("{'path': 'photos/cat.png', 'width': 100}");

    assertEquals(
        new ResizedImage("photos/cat-100x75.png", size("photos/cat-100x75.png"), 100, 75), result);
  }

  @Test
  void neverEnlargesUnlessAsked() throws Exception {
    ResizedImage same = resize("{'path': 'photos/cat.png', 'width': 800, 'height': 800}");
    ResizedImage larger =
        resize("{'path': 'photos/cat.png', 'width': 800, 'height': 800, 'upscale': true}");

    assertEquals(List.of(400, 300), List.of(same.width(), same.height()));
    assertEquals(List.of(800, 600), List.of(larger.width(), larger.height()));
  }

  @Test
  void writesJpegAtTheRequestedQuality() throws Exception {
    String box = "'path': 'photos/cat.png', 'width': 400, 'format': 'jpeg'";
    ResizedImage fine = resize("{" + box + ", 'quality': 0.95}");
    ResizedImage coarse = resize("{" + box + ", 'quality': 0.2, 'overwrite': true}");

    assertEquals("photos/cat-400x300.jpg", coarse.path());
    assertTrue(
        coarse.bytes() < fine.bytes() * 0.8,
        "quality 0.2 gave " + coarse.bytes() + " bytes, 0.95 gave " + fine.bytes());
    try (var in = ImageIO.createImageInputStream(storage.resolve(coarse.path()).toFile())) {
      assertEquals("JPEG", ImageIO.getImageReaders(in).next().getFormatName());
    }
  }

  @Test
  void refusesPathsThatLeaveTheStorageDirectory() throws Exception {
    TestImages.write(outside.resolve("secret.png"), 40, 30, "png");
    for (String path :
        new String[] {
          "../outside/secret.png",
          "photos/../../outside/secret.png",
          outside.resolve("secret.png").toString(),
          ""
        }) {
      assertThrows(
          NonRetryableException.class, () -> resize("{'path': '" + path + "', 'width': 10}"), path);
    }
    assertEquals(List.of(outside.resolve("secret.png")), filesIn(outside));
  }

  @Test
  void refusesSymbolicLinksOutOfTheStorageDirectory() throws Exception {
    Path secret = TestImages.write(outside.resolve("secret.png"), 40, 30, "png");
    Files.createSymbolicLink(storage.resolve("photos/link.png"), secret);
    Files.createSymbolicLink(storage.resolve("away"), outside);

    assertThrows(
        NonRetryableException.class, () -> resize("{'path': 'photos/link.png', 'width': 10}"));
    assertThrows(
        NonRetryableException.class, () -> resize("{'path': 'away/secret.png', 'width': 10}"));
    assertEquals(List.of(secret), filesIn(outside));
  }

  @Test
  void neverReplacesAFileThatIsNotItsOwnResultUnlessAsked() throws Exception {
    Path theirs = Files.writeString(storage.resolve("photos/cat-100x75.png"), "someone's upload");

    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class, () -> resize("{'path': 'photos/cat.png', 'width': 100}"));
    assertTrue(refused.getMessage().contains("overwrite"), refused.getMessage());
    assertEquals("someone's upload", Files.readString(theirs));

    ResizedImage replaced = resize("{'path': 'photos/cat.png', 'width': 100, 'overwrite': true}");
    assertEquals(100, ImageIO.read(storage.resolve(replaced.path()).toFile()).getWidth());
  }

  @Test
  void aRetryFindsItsOwnEarlierResultAndSucceeds() throws Exception {
    ResizedImage first = resize("{'path': 'photos/cat.png', 'width': 100}");
    ResizedImage again = resize("{'path': 'photos/cat.png', 'width': 100}");
    assertEquals(first, again);
  }

  @Test
  void aLinkPlantedAtTheResultsNameIsNeitherFollowedNorReplaced() throws Exception {
    Path victim = Files.writeString(outside.resolve("victim.txt"), "keep me");
    Path link = Files.createSymbolicLink(storage.resolve("photos/cat-100x75.png"), victim);

    assertThrows(
        NonRetryableException.class, () -> resize("{'path': 'photos/cat.png', 'width': 100}"));
    assertEquals("keep me", Files.readString(victim));
    assertTrue(Files.isSymbolicLink(link));
  }

  @Test
  void theReaderOpensNoLinkEvenOneInsideTheDirectory() throws Exception {
    Path link =
        Files.createSymbolicLink(
            storage.resolve("photos/alias.png"), storage.resolve("photos/cat.png"));
    BoundedImageReader reader = new BoundedImageReader(40_000_000, 5_000_000);

    assertThrows(NonRetryableException.class, () -> reader.read(link, size -> size));
  }

  @Test
  void expiredResultsOfDownloadsAreSweptAndNothingElse() throws Exception {
    Path remote = Files.createDirectories(storage.resolve("remote"));
    Path old = Files.writeString(remote.resolve("old-10x10.png"), "x");
    Path fresh = Files.writeString(remote.resolve("fresh-10x10.png"), "x");
    Path staleDownload = Files.writeString(remote.resolve(".download-1.tmp"), "x");
    Path directory = Files.createDirectories(remote.resolve("kept-dir"));
    Instant now = Instant.parse("2030-01-02T00:00:00Z");
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofHours(25))));
    Files.setLastModifiedTime(staleDownload, FileTime.from(now.minus(Duration.ofHours(30))));
    Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofHours(1))));
    Files.setLastModifiedTime(directory, FileTime.from(now.minus(Duration.ofDays(9))));

    RemoteExpiry expiry = new RemoteExpiry(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    expiry.sweepIfDue(remote);

    assertFalse(Files.exists(old));
    assertFalse(Files.exists(staleDownload));
    assertTrue(Files.exists(fresh));
    assertTrue(Files.isDirectory(directory));
    // Within ten minutes of a sweep, a node does not sweep again.
    Files.setLastModifiedTime(fresh, FileTime.from(now.minus(Duration.ofDays(2))));
    expiry.sweepIfDue(remote);
    assertTrue(Files.exists(fresh));
  }

  @Test
  void refusesADecompressionBombFromItsHeaderAlone() throws Exception {
    Files.write(storage.resolve("bomb.png"), TestImages.pngHeaderClaiming(100_000, 100_000));

    NonRetryableException refused =
        assertTimeoutPreemptively(
            Duration.ofSeconds(2),
            () ->
                assertThrows(
                    NonRetryableException.class,
                    () -> resize("{'path': 'bomb.png', 'width': 100}")));

    assertTrue(refused.getMessage().contains("100000x100000"), refused.getMessage());
    assertEquals(List.of(storage.resolve("bomb.png"), storage.resolve("photos")), filesIn(storage));
  }

  @Test
  void refusesImagesOverTheConfiguredLimits() {
    assertThrows(
        NonRetryableException.class,
        () ->
            resizer(100_000, 5_000_000)
                .resize(JOB, Json.object("{'path': 'photos/cat.png', 'width': 10}")));
    assertThrows(
        NonRetryableException.class,
        () ->
            resizer(40_000_000, 1_000)
                .resize(JOB, Json.object("{'path': 'photos/cat.png', 'width': 10}")));
  }

  @Test
  void missingOrUnreadableSourceFailsForGood() throws Exception {
    Files.writeString(storage.resolve("notes.png"), "not an image at all");

    assertThrows(
        NonRetryableException.class, () -> resize("{'path': 'photos/dog.png', 'width': 10}"));
    assertThrows(NonRetryableException.class, () -> resize("{'path': 'notes.png', 'width': 10}"));
    assertThrows(NonRetryableException.class, () -> resize("{'path': 'photos', 'width': 10}"));
  }

  @Test
  void refusesMalformedRequests() {
    for (String payload :
        new String[] {
          "{'width': 10}",
          "{'path': 'photos/cat.png'}",
          "{'path': 'photos/cat.png', 'url': 'http://127.0.0.1/x.png', 'width': 10}",
          "{'path': 'photos/cat.png', 'width': 0}",
          "{'path': 'photos/cat.png', 'width': 1.5}",
          "{'path': 'photos/cat.png', 'width': 10, 'format': 'gif'}",
          "{'path': 'photos/cat.png', 'width': 10, 'quality': 1.5}"
        }) {
      assertThrows(NonRetryableException.class, () -> resize(payload), payload);
    }
  }

  @Test
  void downloadsFromAnAllowedHostAndWritesUnderRemote() throws Exception {
    byte[] jpeg = TestImages.bytes(400, 300, "jpeg");
    server.on(
        "/dog.jpg",
        exchange -> {
          exchange.sendResponseHeaders(200, jpeg.length);
          exchange.getResponseBody().write(jpeg);
        });

    ResizedImage result = resize("{'url': '" + server.url("/dog.jpg") + "', 'width': 100}");

    assertEquals("remote/" + JOB + "-100x75.jpg", result.path());
    assertEquals(List.of(storage.resolve(result.path())), filesIn(storage.resolve("remote")));
  }

  @Test
  void refusesHostsThatAreNotAllowedWithoutCallingThem() {
    server.on("/", respond(200, ""));
    String otherName = "http://localhost:" + server.port() + "/dog.jpg";

    assertThrows(
        NonRetryableException.class, () -> resize("{'url': '" + otherName + "', 'width': 10}"));
    assertEquals(0, server.received().size());
  }

  @Test
  void refusesADownloadFromANameThatResolvesToAnInternalAddress() throws Exception {
    server.on("/", respond(200, "metadata"));
    // images.example is allowed, and its DNS answers the link-local metadata address.
    ResizeImage resizer =
        new ResizeImage(
            new ImageSettings(
                storage,
                AllowedHosts.parse("images.example:*"),
                40_000_000,
                5_000_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofHours(24)),
            Clock.systemUTC(),
            host -> new InetAddress[] {InetAddress.getByName("169.254.169.254")});

    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class,
            () ->
                resizer.resize(
                    JOB,
                    Json.object(
                        "{'url': 'http://images.example:"
                            + server.port()
                            + "/a.png', 'width': 10}")));

    assertTrue(refused.getMessage().contains("link-local"), refused.getMessage());
    assertEquals(0, server.received().size());
    resizer.close();
  }

  @Test
  void stopsADownloadOverTheByteLimit() throws Exception {
    byte[] chunk = new byte[64 * 1024];
    server.on(
        "/huge.png",
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 64; i++) {
              out.write(chunk);
            }
          }
        });

    NonRetryableException refused =
        assertThrows(
            NonRetryableException.class,
            () ->
                resizer(40_000_000, 1_000_000)
                    .resize(
                        JOB,
                        Json.object("{'url': '" + server.url("/huge.png") + "', 'width': 10}")));

    assertTrue(refused.getMessage().contains("1000000"), refused.getMessage());
    assertEquals(List.of(), filesIn(storage.resolve("remote")));
  }

  @Test
  void downloadFailuresFailForGoodOrRetryAsTheStatusSays() {
    server.on("/gone.png", respond(404, "gone"));
    server.on("/busy.png", respond(503, "busy"));

    assertThrows(
        NonRetryableException.class,
        () -> resize("{'url': '" + server.url("/gone.png") + "', 'width': 10}"));
    Exception busy =
        assertThrows(
            Exception.class,
            () -> resize("{'url': '" + server.url("/busy.png") + "', 'width': 10}"));
    assertInstanceOf(RetryableRemoteException.class, busy);
  }

  private long size(String relative) throws Exception {
    return Files.size(storage.resolve(relative));
  }

  private static List<Path> filesIn(Path directory) throws Exception {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  private static boolean isReddish(int rgb) {
    Color color = new Color(rgb);
    return color.getRed() > 180 && color.getBlue() < 80;
  }

  private static boolean isBluish(int rgb) {
    Color color = new Color(rgb);
    return color.getBlue() > 180 && color.getRed() < 80;
  }
}
