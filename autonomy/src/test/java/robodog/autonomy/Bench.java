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

  /** World obstacles as circles (x, y, radius), rendered into {@link #grid} each step. */
  final java.util.List<double[]> obstacles = new java.util.ArrayList<>();

  /** A person standing at this world position, or null. */
  double[] person;

  final robodog.core.perception.HeightGrid grid = new robodog.core.perception.HeightGrid();
  final robodog.core.perception.PeopleZones people = new robodog.core.perception.PeopleZones();
  boolean perception;

  Bench(Path dbFile) {
    this(dbFile, 0);
  }

  /** With the run database capped at {@code maxBytes} (0: none), as a full disk would cap it. */
  Bench(Path dbFile, long maxBytes) {
    db = RunDatabase.open(dbFile, maxBytes);
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
    if (perception) {
      render();
      svc.step(nowNanos, mode, plant.x, plant.y, plant.yaw, List.of(), people, grid);
    } else {
      svc.step(nowNanos, mode, plant.x, plant.y, plant.yaw, List.of());
    }
    MotionCommand c = DrivePort.AUTONOMY.equals(lease.holder) ? lease.last : new MotionCommand();
    if (mode == Mode.ESTOP) {
      c = new MotionCommand();
    }
    plant.step(c, DT);
    nowNanos += (long) (DT * 1e9);
  }

  /** What perception would report from the plant's pose: obstacle cells and people, base_link. */
  private void render() {
    double c = Math.cos(plant.yaw);
    double s = Math.sin(plant.yaw);
    int half = grid.size / 2;
    for (int ix = 0; ix < grid.size; ix++) {
      for (int iy = 0; iy < grid.size; iy++) {
        double bx = (ix - half + 0.5) * grid.resolutionM;
        double by = (iy - half + 0.5) * grid.resolutionM;
        double wx = plant.x + c * bx - s * by;
        double wy = plant.y + s * bx + c * by;
        boolean hit = false;
        for (double[] o : obstacles) {
          hit |= Math.hypot(wx - o[0], wy - o[1]) <= o[2];
        }
        grid.obstacle[ix * grid.size + iy] = hit;
      }
    }
    people.count = 0;
    if (person != null) {
      double dx = person[0] - plant.x;
      double dy = person[1] - plant.y;
      double bx = c * dx + s * dy;
      double by = -s * dx + c * dy;
      people.add(bx, by, Math.hypot(bx, by), 0.9, robodog.core.perception.PeopleZones.SOURCE_DEPTH);
    }
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
