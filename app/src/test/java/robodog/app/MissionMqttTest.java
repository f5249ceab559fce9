package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;

/**
 * cmd/mission over the embedded broker to the realtime simulation: malformed or unsafe commands are
 * refused on state/error with a reason; a good dispatch hands the lease to autonomy, state/mission
 * reports progress, pause and abort work, and the lease comes back.
 */
class MissionMqttTest {
  @TempDir Path dir;

  private static final List<String> ERRORS = new CopyOnWriteArrayList<>();
  private final List<String> errors = ERRORS;
  private final List<String> missions = new CopyOnWriteArrayList<>();
  private final List<String> telemetry = new CopyOnWriteArrayList<>();
  private long seq;

  @Test
  void missionCommandsOverMqtt() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    int port = SimMqtt.freePort();
    Cli[] result = new Cli[1];
    Thread sim =
        new Thread(
            () ->
                result[0] =
                    Cli.run(
                        "sim",
                        "--scenario",
                        "flat-walk",
                        "--realtime",
                        "--duration",
                        "25",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--robot-id",
                        "dog1",
                        "--db",
                        db.toString(),
                        "--plots",
                        dir.resolve("reports").toString()));
    sim.start();
    MqttClient tablet = SimMqtt.connect(port, "tablet", 100);
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
          if (topic.endsWith("error")) {
            errors.add(body);
          } else if (topic.endsWith("mission")) {
            missions.add(body);
          } else if (topic.endsWith("telemetry")) {
            telemetry.add(body);
          }
        });
    mission(tablet, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"nowhere\"}");
    awaitError("unknown route 'nowhere'");
    mission(tablet, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    awaitError("tablet does not hold the control lease");
    send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    mission(
        tablet,
        "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\","
            + "\"payload\":{\"mass_kg\":99}}");
    awaitError("payload.mass_kg");
    mission(
        tablet,
        "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\","
            + "\"payload\":{\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.2}}");
    await(missions, m -> m.contains("\"state\":\"running\""), "running");
    await(telemetry, t -> t.contains("\"lease_holder\":\"autonomy\""), "autonomy holds the lease");
    for (int i = 0; i < 20; i++) {
      mission(tablet, "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
      Thread.sleep(200);
    }
    await(telemetry, t -> t.contains("\"mode\":\"WALKING\""), "walking");
    mission(tablet, "{\"seq\":SEQ,\"op\":\"pause\"}");
    await(missions, m -> m.contains("\"state\":\"paused\""), "paused");
    telemetry.clear();
    mission(tablet, "{\"seq\":SEQ,\"op\":\"abort\"}");
    await(missions, m -> m.contains("\"state\":\"idle\""), "idle after abort");
    await(telemetry, t -> t.contains("\"lease_holder\":\"tablet\""), "lease back to the tablet");
    // Last, because a released E-stop leaves the robot passive: dispatch while E-stopped.
    // Straight after the E-stop, before any telemetry could show it (the robot then settles to the
    // ground and the run goes on to its duration).
    send(tablet, "cmd/estop", "{\"engage\":true}");
    mission(tablet, "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    awaitError("E-stopped");
    String running =
        missions.stream().filter(m -> m.contains("distance_left_m")).findFirst().orElseThrow();
    assertTrue(
        running.contains("\"route\":\"equipment-run\"") && running.contains("eta_s"), running);
    sim.join(30_000);
    if (tablet.isConnected()) {
      tablet.disconnectForcibly(100);
    }
    tablet.close();
    assertEquals(0, result[0].status, result[0].err);
    try (RunDatabase d = RunDatabase.open(db)) {
      var r = d.history(1).get(0);
      assertEquals("aborted", r.outcome());
      assertEquals("tablet", r.dispatchedBy());
      assertTrue(r.distanceM() > 0.05, "walked before the pause: " + r.distanceM());
    }
    assertTrue(dir.resolve("reports").resolve("run-1.png").toFile().exists());
  }

  private void mission(MqttClient c, String json) throws Exception {
    send(c, "cmd/mission", json);
  }

  private void send(MqttClient c, String topic, String json) throws Exception {
    c.publish(
        "robodog/dog1/" + topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }

  private void awaitError(String text) throws InterruptedException {
    await(errors, e -> e.contains(text), "state/error with " + text);
  }

  private static void await(List<String> l, Predicate<String> p, String what)
      throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      if (l.stream().anyMatch(p)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; errors "
            + ERRORS
            + "; last: "
            + (l.isEmpty() ? "nothing" : l.get(l.size() - 1)));
  }
}
