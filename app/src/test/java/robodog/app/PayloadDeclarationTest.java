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
 * The declared payload on the robot's own path ({@code run --hardware hil}, embedded broker): only
 * the lease holder may declare it, a bad declaration is refused naming the field and changes
 * nothing, telemetry carries it, and a run dispatched without a payload of its own rides for it.
 */
class PayloadDeclarationTest {
  @TempDir Path dir;

  private final List<String> errors = new CopyOnWriteArrayList<>();
  private final List<String> telemetry = new CopyOnWriteArrayList<>();
  private final List<String> missions = new CopyOnWriteArrayList<>();
  private long seq;

  @Test
  void theLeaseHolderDeclaresThePayloadAndARunRidesForIt() throws Exception {
    Path db = dir.resolve("runs.db");
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    int port = SimMqtt.freePort();
    Cli[] result = new Cli[1];
    Thread robot =
        new Thread(
            () ->
                result[0] =
                    Cli.run(
                        "run",
                        "--hardware",
                        "hil",
                        "--duration",
                        "15",
                        "--mqtt-port",
                        Integer.toString(port),
                        "--ws-port",
                        "0",
                        "--http-port",
                        "0",
                        "--robot-id",
                        "dog1",
                        "--db",
                        db.toString(),
                        "--plots",
                        dir.resolve("reports").toString()));
    robot.start();
    MqttClient tablet = SimMqtt.connect(port, "tablet", 100);
    MqttClient other = SimMqtt.connect(port, "other", 100);
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          String body = new String(msg.getPayload(), StandardCharsets.UTF_8);
          if (topic.endsWith("error")) {
            errors.add(body);
          } else if (topic.endsWith("telemetry")) {
            telemetry.add(body);
          } else if (topic.endsWith("mission")) {
            missions.add(body);
          }
        });
    await(telemetry, t -> t.contains("\"payload\":{\"mass_kg\":0.000"), "nothing declared yet");
    String gentle = "{\"seq\":SEQ,\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.8}";
    send(other, "cmd/payload", gentle);
    await(errors, e -> e.contains("cmd/payload") && e.contains("lease"), "non-holder refused");
    send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    send(
        tablet,
        "cmd/payload",
        "{\"seq\":SEQ,\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":2}");
    await(errors, e -> e.contains("cmd/payload: fragility"), "out of range refused by name");
    send(tablet, "cmd/payload", "{\"seq\":SEQ,\"mass_kg\":1.5}");
    await(errors, e -> e.contains("com_height_m: required"), "a partial declaration refused");
    Thread.sleep(300);
    assertTrue(
        telemetry.get(telemetry.size() - 1).contains("\"mass_kg\":0.000"),
        "refused declarations changed nothing: " + telemetry.get(telemetry.size() - 1));
    send(tablet, "cmd/payload", gentle);
    await(
        telemetry,
        t ->
            t.contains("\"payload\":{\"mass_kg\":1.500,\"com_height_m\":0.100,\"fragility\":0.80}"),
        "the declaration in telemetry");
    send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    await(missions, m -> m.contains("\"profile\":\"gentle\""), "the run rides gently");
    send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"abort\"}");
    await(missions, m -> m.contains("\"state\":\"idle\""), "idle after abort");
    robot.join(30_000);
    tablet.disconnectForcibly(100);
    other.disconnectForcibly(100);
    assertEquals(0, result[0].status, result[0].err);
    try (RunDatabase d = RunDatabase.open(db)) {
      String stored = d.history(1).get(0).payloadJson();
      assertTrue(stored.contains("\"mass_kg\":1.5") && stored.contains("0.8"), stored);
    }
  }

  private void send(MqttClient c, String topic, String json) throws Exception {
    c.publish(
        "robodog/dog1/" + topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }

  private void await(List<String> l, Predicate<String> p, String what) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      if (l.stream().anyMatch(p)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; errors "
            + errors
            + "; last: "
            + (l.isEmpty() ? "nothing" : l.get(l.size() - 1)));
  }
}
