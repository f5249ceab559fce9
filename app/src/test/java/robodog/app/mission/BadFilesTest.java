package robodog.app.mission;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.core.Mailbox;
import robodog.core.MotionCommand;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.CommsLossStages;
import robodog.operatorlink.OperatorLink;

/**
 * One bad file costs only its feature: a route file with {@code .nan} (or any bad value) leaves out
 * that route and names the file; a damaged run database turns missions off, untouched, while the
 * operator link behind the same router still takes the lease.
 */
class BadFilesTest {
  private static final LocomotionConfig CFG = LocomotionConfig.load(Path.of("../config"));
  @TempDir Path dir;

  private final Mailbox<MotionCommand> box =
      new Mailbox<>(MotionCommand::new, (a, b) -> b.copyFrom(a));
  private final OperatorLink link = new OperatorLink(box, e -> {}, CommsLossStages.DEFAULT);
  private final List<String> published = new CopyOnWriteArrayList<>();

  private MissionWiring open(Path db, Path routes) throws Exception {
    return new MissionWiring(
        CFG,
        link,
        db,
        routes,
        dir.resolve("reports"),
        (topic, json) -> published.add(topic + " " + json),
        System::nanoTime);
  }

  @Test
  void aRouteFileWithNanLeavesOutThatRouteOnly() throws Exception {
    Path routes = Files.createDirectories(dir.resolve("routes"));
    Files.copy(Path.of("../routes/equipment-run.yaml"), routes.resolve("equipment-run.yaml"));
    Path bad = routes.resolve("broken.yaml");
    Files.writeString(
        bad, "name: broken\nwaypoints:\n  - { x_m: 0.0, y_m: 0.0 }\n  - { x_m: .nan, y_m: 1.0 }\n");
    Path range = routes.resolve("far.yaml");
    Files.writeString(
        range, "name: far\nwaypoints:\n  - { x_m: 0.0, y_m: 0.0 }\n  - { x_m: 1e9, y_m: 1.0 }\n");
    try (MissionWiring w = open(dir.resolve("runs.db"), routes)) {
      assertTrue(w.enabled());
      assertEquals(List.of("equipment-run"), names(w), "the good route loaded");
      List<String> p = w.problems();
      assertEquals(2, p.size(), p.toString());
      assertTrue(p.get(0).startsWith("route file " + bad + " not loaded: "), p.get(0));
      assertTrue(p.get(0).contains("expected"), p.get(0));
      assertTrue(p.get(1).startsWith("route file " + range + " not loaded: "), p.get(1));
      assertTrue(p.get(1).contains("x_m: expected a number in [-10000.0, 10000.0] m"), p.get(1));
      w.announce();
      assertTrue(
          published.stream()
              .anyMatch(m -> m.startsWith("state/error") && m.contains("broken.yaml")));
    }
  }

  private static List<String> names(MissionWiring w) {
    String s = w.service().stateJson();
    return s.contains("\"routes\":[\"equipment-run\"]") ? List.of("equipment-run") : List.of(s);
  }

  @Test
  void aDamagedDatabaseTurnsMissionsOffAndLeavesTheLinkWorking() throws Exception {
    Path db = dir.resolve("runs.db");
    Files.writeString(db, "SQLite format 3\u0000 but the rest is a shopping list\n".repeat(200));
    byte[] before = Files.readAllBytes(db);
    try (MissionWiring w = open(db, Path.of("../routes"))) {
      assertFalse(w.enabled());
      assertEquals(1, w.problems().size());
      String why = w.problems().get(0);
      assertTrue(why.startsWith("missions are off: run database " + db + ": "), why);
      w.announce();
      assertTrue(
          published.contains(
              "state/mission {\"state\":\"unavailable\",\"error\":"
                  + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(why)
                  + ",\"routes\":[]}"),
          published.toString());
      w.router()
          .onMessage(
              "tablet",
              "cmd/mission",
              "{\"seq\":1,\"op\":\"list_routes\"}".getBytes(StandardCharsets.UTF_8),
              0);
      assertTrue(
          published
              .get(published.size() - 1)
              .startsWith(
                  "state/error {\"error\":\"cmd/mission: refused: missions are off: run database "),
          published.toString());
      w.router()
          .onMessage(
              "tablet",
              "cmd/lease",
              "{\"seq\":2,\"action\":\"acquire\"}".getBytes(StandardCharsets.UTF_8),
              0);
      assertEquals("tablet", link.leaseHolder(), "teleop still works");
    }
    assertArrayEquals(before, Files.readAllBytes(db), "the damaged file was left as it was");
  }
}
