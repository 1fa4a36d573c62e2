package io.taskqueue.recurring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.taskqueue.Recurring;
import io.taskqueue.recurring.entity.DeclaredSchedule;
import io.taskqueue.recurring.entity.ScheduleRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScheduleDeclarationsTest {

  @Recurring(
      name = "nightly-report",
      cron = "30 2 * * *",
      zone = "Europe/Berlin",
      payload = "{\"format\":\"pdf\"}",
      overlap = Recurring.Overlap.SKIP,
      misfire = Recurring.Misfire.FIRE_ALL,
      misfireLimit = 3)
  static class NightlyReport {}

  @Recurring(name = "hourly", cron = "0 * * * *")
  @Recurring(name = "weekly", cron = "${weekly.cron:0 0 * * 1}", zone = "${weekly.zone}")
  static class TwoSchedules {}

  @Recurring(name = "hourly", cron = "5 * * * *")
  static class SameNameAgain {}

  @Recurring(name = "list", cron = "0 * * * *", payload = "[1, 2]")
  static class ListPayload {}

  @Recurring(name = "missing", cron = "${not.configured}")
  static class MissingConfig {}

  static class NoSchedules {}

  private final Map<String, String> config = Map.of("weekly.zone", "Asia/Tokyo");

  private final ScheduleDeclarations declarations =
      new ScheduleDeclarations((type, name) -> Optional.ofNullable(config.get(name)));

  @Test
  void anAnnotationBecomesARequestForTheHandlersTypeWithItsPoliciesInTheApisWording() {
    List<DeclaredSchedule> read = declarations.read(Map.of("report", NightlyReport.class));

    assertEquals(1, read.size());
    DeclaredSchedule declared = read.get(0);
    assertEquals(NightlyReport.class.getName(), declared.handlerClass());
    ScheduleRequest request = declared.request();
    assertEquals("nightly-report", request.name());
    assertEquals("30 2 * * *", request.cron());
    assertEquals("Europe/Berlin", request.timeZone());
    assertEquals("report", request.job().type());
    assertEquals("pdf", request.job().payload().getString("format"));
    assertEquals("skip", request.overlap());
    assertEquals("fire-all", request.misfire());
    assertEquals(3, request.misfireLimit());
    assertEquals(null, request.paused(), "a declaration leaves pausing to the operators");
    assertEquals(null, request.job().priority(), "the handler's defaults decide");
  }

  @Test
  void repeatedAnnotationsDeclareOneScheduleEachAndReferencesAreReadFromConfiguration() {
    Map<String, Class<?>> handlers = new TreeMap<>();
    handlers.put("tick", TwoSchedules.class);
    handlers.put("none", NoSchedules.class);

    List<DeclaredSchedule> read = declarations.read(handlers);

    assertEquals(List.of("hourly", "weekly"), read.stream().map(DeclaredSchedule::name).toList());
    ScheduleRequest weekly = read.get(1).request();
    assertEquals("0 0 * * 1", weekly.cron(), "the default after ':' when not configured");
    assertEquals("Asia/Tokyo", weekly.timeZone(), "the configured value");
    assertEquals("UTC", read.get(0).request().timeZone());
    assertEquals("{}", read.get(0).request().job().payload().toString());
  }

  @Test
  void aNameDeclaredTwiceAPayloadThatIsNotAnObjectAndAMissingReferenceFailNamingTheClass() {
    Map<String, Class<?>> twice = new TreeMap<>();
    twice.put("a", TwoSchedules.class);
    twice.put("b", SameNameAgain.class);
    IllegalStateException duplicate =
        assertThrows(IllegalStateException.class, () -> declarations.read(twice));
    assertTrue(
        duplicate.getMessage().contains("'hourly' is declared twice"), duplicate::getMessage);
    assertTrue(duplicate.getMessage().contains(SameNameAgain.class.getName()));

    IllegalStateException list =
        assertThrows(
            IllegalStateException.class,
            () -> declarations.read(Map.of("list", ListPayload.class)));
    assertTrue(list.getMessage().contains("not a JSON object"), list::getMessage);
    assertTrue(list.getMessage().contains(ListPayload.class.getName()));

    IllegalStateException missing =
        assertThrows(
            IllegalStateException.class, () -> declarations.read(Map.of("m", MissingConfig.class)));
    assertTrue(missing.getMessage().contains("${not.configured}"), missing::getMessage);
  }
}
