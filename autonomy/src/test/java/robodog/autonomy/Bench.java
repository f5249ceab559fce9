package robodog.autonomy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Mode;
import robodog.core.MotionCommand;

/** A mission service on a kinematic plant with a stepped clock at 20 Hz, for fast tests. */
final class Bench implements AutoCloseable {
  static final double DT = 0.05;
  final RunDatabase db;
  final TestLease lease = new TestLease("tablet");
  final Plant plant = new Plant();
  final List<String> errors = new CopyOnWriteArrayList<>();
  final List<String> states = new CopyOnWriteArrayList<>();
  final List<Long> finished = new CopyOnWriteArrayList<>();
  final MissionService svc;
  long nowNanos = 1_000_000_000L;
  long seq;
  boolean linkUp = true;

  /** Who sends the heartbeats. */
  String supervisor = "tablet";

  Mode mode = Mode.STANDING;
  private double lastHeartbeat;

  Bench(Path dbFile) {
    db = RunDatabase.open(dbFile);
    svc =
        new MissionService(
            db,
            lease,
            g -> g.equals("ripple") ? 2 : g.equals("wave") ? 3 : -1,
            errors::add,
            states::add,
            finished::add);
  }

  double t() {
    return nowNanos * 1e-9;
  }

  /** Sends a cmd/mission from the tablet (only while the link is up). */
  void send(String client, String json) {
    if (client.equals("tablet") && !linkUp) {
      return;
    }
    svc.onMessage(
        client,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        nowNanos);
  }

  void send(String json) {
    send("tablet", json);
  }

  /** One 50 ms step: tablet heartbeat every 0.5 s while the link is up, autonomy, plant. */
  void step() {
    if (linkUp && t() - lastHeartbeat >= 0.5) {
      lastHeartbeat = t();
      send(supervisor, "{\"seq\":SEQ,\"op\":\"heartbeat\"}");
    }
    svc.step(nowNanos, mode, plant.x, plant.y, plant.yaw, List.of());
    MotionCommand c = DrivePort.AUTONOMY.equals(lease.holder) ? lease.last : new MotionCommand();
    if (mode == Mode.ESTOP) {
      c = new MotionCommand();
    }
    plant.step(c, DT);
    nowNanos += (long) (DT * 1e9);
  }

  void run(double seconds) {
    for (int i = 0; i < Math.round(seconds / DT); i++) {
      step();
    }
  }

  /** Steps until the run ends or {@code maxS} passes; returns true when it ended. */
  boolean runUntilDone(double maxS) {
    for (int i = 0; i < Math.round(maxS / DT); i++) {
      step();
      if (svc.mission() == null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    db.close();
  }
}
