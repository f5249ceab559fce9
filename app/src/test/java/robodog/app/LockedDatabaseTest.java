package robodog.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import robodog.autonomy.RouteFile;
import robodog.autonomy.store.RunDatabase;

/**
 * Another process holds the run database locked ({@code BEGIN IMMEDIATE}) for 6 s while a run is
 * going, on {@code run --hardware sim}: missions block on their own thread, and telemetry keeps
 * coming at its rate the whole time, then still after the lock is gone (a blocked or failing job
 * never stops another).
 */
class LockedDatabaseTest {
  @TempDir Path dir;

  private long seq;

  @Test
  void telemetryKeepsFlowingWhileTheRunDatabaseIsLocked() throws Exception {
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
                        "sim",
                        "--duration",
                        "20",
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
    AtomicLong telemetry = new AtomicLong();
    List<String> missions = new CopyOnWriteArrayList<>();
    tablet.subscribe(
        "robodog/dog1/state/#",
        0,
        (topic, msg) -> {
          if (topic.endsWith("telemetry")) {
            telemetry.incrementAndGet();
          } else if (topic.endsWith("mission")) {
            missions.add(new String(msg.getPayload(), StandardCharsets.UTF_8));
          }
        });
    send(tablet, "cmd/lease", "{\"seq\":SEQ,\"action\":\"acquire\"}");
    send(tablet, "cmd/mission", "{\"seq\":SEQ,\"op\":\"dispatch\",\"route\":\"equipment-run\"}");
    for (int i = 0; i < 100 && missions.stream().noneMatch(m -> m.contains("running")); i++) {
      Thread.sleep(50);
    }
    assertTrue(missions.stream().anyMatch(m -> m.contains("running")), missions.toString());
    long during;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      s.execute("UPDATE runs SET outcome = outcome WHERE 0");
      long before = telemetry.get();
      Thread.sleep(6_000);
      during = telemetry.get() - before;
      s.execute("ROLLBACK");
    }
    long after0 = telemetry.get();
    Thread.sleep(2_000);
    long after = telemetry.get() - after0;
    // 10 Hz: 60 messages in 6 s; a loaded machine may lose some, never most.
    assertTrue(during >= 40, "telemetry during the 6 s lock: " + during + " messages");
    assertTrue(after >= 12, "telemetry after the lock: " + after + " messages in 2 s");
    robot.join(30_000);
    tablet.disconnectForcibly(100);
    assertEquals(0, result[0].status, result[0].err);
  }

  private void send(MqttClient c, String topic, String json) throws Exception {
    c.publish(
        "robodog/dog1/" + topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        1,
        false);
  }
}
