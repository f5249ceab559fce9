package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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

  @Test
  void theLeaseHolderDeclaresThePayloadAndARunRidesForIt() throws Exception {
    Path db = dir.resolve("runs.db"); // the robot's, see LiveRobot
    try (RunDatabase d = RunDatabase.open(db)) {
      d.saveRoute(RouteFile.load(Path.of("../routes/equipment-run.yaml")), "shipped", false);
    }
    LiveRobot robot = LiveRobot.start("hil", 15, dir);
    MqttClient tablet = robot.client("tablet", true);
    MqttClient other = robot.client("other", false);
    List<String> telemetry = robot.telemetry;
    List<String> errors = robot.errors;
    List<String> missions = robot.missions;
    robot.await(
        telemetry, t -> t.contains("\"payload\":{\"mass_kg\":0.000"), "nothing declared yet");
    String gentle = "{\"seq\":SEQ,\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":0.8}";
    robot.send(other, "cmd/payload", gentle);
    robot.await(
        errors, e -> e.contains("cmd/payload") && e.contains("lease"), "non-holder refused");
    robot.send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    robot.send(
        tablet,
        "cmd/payload",
        "{\"seq\":SEQ,\"mass_kg\":1.5,\"com_height_m\":0.1,\"fragility\":2}");
    robot.await(errors, e -> e.contains("cmd/payload: fragility"), "out of range refused by name");
    robot.send(tablet, "cmd/payload", "{\"seq\":SEQ,\"mass_kg\":1.5}");
    robot.await(errors, e -> e.contains("com_height_m: required"), "a partial declaration refused");
    Thread.sleep(300);
    assertTrue(
        telemetry.get(telemetry.size() - 1).contains("\"mass_kg\":0.000"),
        "refused declarations changed nothing: " + telemetry.get(telemetry.size() - 1));
    robot.send(tablet, "cmd/payload", gentle);
    robot.await(
        telemetry,
        t ->
            t.contains("\"payload\":{\"mass_kg\":1.500,\"com_height_m\":0.100,\"fragility\":0.80}"),
        "the declaration in telemetry");
    robot.send(
        tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    robot.await(missions, m -> m.contains("\"profile\":\"gentle\""), "the run rides gently");
    robot.send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"abort\"}");
    robot.await(missions, m -> m.contains("\"state\":\"idle\""), "idle after abort");
    Cli result = robot.join(30_000);
    tablet.disconnectForcibly(100);
    other.disconnectForcibly(100);
    assertEquals(0, result.status, result.err);
    try (RunDatabase d = RunDatabase.open(db)) {
      String stored = d.history(1).get(0).payloadJson();
      assertTrue(stored.contains("\"mass_kg\":1.5") && stored.contains("0.8"), stored);
    }
  }
}
