package robodog.app.mission;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import robodog.app.sim.SimWorlds;
import robodog.autonomy.MissionService;
import robodog.autonomy.store.RunDatabase;
import robodog.core.ControlTask;
import robodog.core.LoopRunner;
import robodog.core.Mailbox;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.sim.SimHardware;
import robodog.sim.SimWorld;
import robodog.sim.scenario.Scenario;

/**
 * The whole robot minus the radio, headless and faster than real time: physics, the real
 * controller, the real operator link (lease, watchdog) and the autonomy layer on a stepped clock.
 * The control loop ticks at {@code rateHz}; the link and autonomy step at 20 Hz in between, as
 * their own threads would. Scripted teleop and mission commands go in through the same entry points
 * as MQTT messages. One thread.
 */
public final class MissionSim {
  /** Autonomy and operator-link step period, ns (20 Hz). */
  static final long AUTONOMY_PERIOD_NANOS = 50_000_000L;

  private final SimWorld world;
  private final HexapodController controller;
  private final LoopRunner loop;
  private final SteppableClock clock = new SteppableClock();
  private final OperatorLink link;
  private final MissionService svc;
  private final MarkerField markers;
  private final long period;
  private final List<String> errors = new ArrayList<>();
  private final List<String> states = new ArrayList<>();
  private final double x0;
  private final double y0;
  private final double[] rpy = new double[3];
  private final robodog.core.perception.Landmarks seen = new robodog.core.perception.Landmarks();
  private long nextAutonomy;
  private GroundTruthPerception perception;
  private double driftPerMetre;
  private double driftX;
  private double driftY;
  private double lastOx = Double.NaN;
  private double lastOy;
  private long seq;

  /**
   * @param driftPerMetre injected odometry drift: metres of sideways error per metre walked
   * @param runFinished told each finished run's id
   */
  public MissionSim(
      LocomotionConfig cfg,
      Scenario sc,
      long seed,
      double rateHz,
      RunDatabase db,
      MarkerField markers,
      double driftPerMetre,
      LongConsumer runFinished) {
    period = Math.round(1e9 / rateHz);
    world = SimWorlds.forScenario(cfg, sc, sc.terrain().build(seed), seed);
    SimHardware hw = SimWorlds.activate(new SimHardware(world));
    Mailbox<MotionCommand> commands = LocomotionConfig.commandMailbox();
    Mailbox<Telemetry> telemetry = LocomotionConfig.telemetryMailbox();
    controller = cfg.newController(commands, telemetry, Mode.STANDING);
    loop = new LoopRunner(clock, period, new ControlTask(hw, controller), "sim-control");
    link = new OperatorLink(commands, errors::add, 10_000_000_000L);
    link.gaitNames(cfg.gaitTable().names()); // the operator may change gait, as on the robot
    svc =
        new MissionService(
            db,
            new LinkDrivePort(link, clock::nanoTime),
            g -> cfg.gaitTable().indexOf(g),
            errors::add,
            states::add,
            runFinished);
    this.markers = markers;
    this.driftPerMetre = driftPerMetre;
    x0 = world.bodyPosition().get0();
    y0 = world.bodyPosition().get1();
    nextAutonomy = clock.nanoTime();
  }

  /** Feeds local navigation from ground truth from now on (null: no perception). */
  public void perception(GroundTruthPerception p) {
    perception = p;
  }

  public MissionService service() {
    return svc;
  }

  public SimWorld world() {
    return world;
  }

  /** Refusals from the link and the mission service (what state/error would carry). */
  public List<String> errors() {
    return errors;
  }

  /** state/mission messages published so far. */
  public List<String> states() {
    return states;
  }

  public double timeS() {
    return clock.nanoTime() * 1e-9;
  }

  /** A teleop message as from an MQTT client, e.g. ("tablet", "cmd/velocity", {...}). */
  public void operator(String client, String topic, String json) {
    link.onMessage(
        client,
        topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        clock.nanoTime());
  }

  /** A cmd/mission message from {@code client}. */
  public void mission(String client, String json) {
    svc.onMessage(
        client,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        clock.nanoTime());
  }

  /** True body position in the world relative to the start, m (x, y). */
  public double trueX() {
    return world.bodyPosition().get0() - x0;
  }

  public double trueY() {
    return world.bodyPosition().get1() - y0;
  }

  public double trueYaw() {
    world.bodyRpy(rpy);
    return rpy[2];
  }

  /** Advances {@code seconds} of simulated time; false if the robot fell. */
  public boolean run(double seconds) throws InterruptedException {
    long end = clock.nanoTime() + Math.round(seconds * 1e9);
    while (clock.nanoTime() < end) {
      loop.runTicks(1);
      long now = clock.nanoTime();
      if (now >= nextAutonomy) {
        nextAutonomy += AUTONOMY_PERIOD_NANOS;
        link.tick(now);
        Telemetry t = controller.telemetry();
        double ox = t.odomX;
        double oy = t.odomY;
        if (!Double.isNaN(lastOx)) {
          // Injected drift: a leftward error accumulating with distance walked (slip on one side).
          double ds = Math.hypot(ox - lastOx, oy - lastOy) * driftPerMetre;
          driftX -= Math.sin(t.odomYaw) * ds;
          driftY += Math.cos(t.odomYaw) * ds;
        }
        lastOx = ox;
        lastOy = oy;
        double sx = ox + driftX;
        double sy = oy + driftY;
        // Ground-truth markers through perception's Landmarks message, as the detector delivers.
        markers.seen(world.bodyPosition().get0(), world.bodyPosition().get1(), trueYaw(), seen);
        seen.stampNanos = now;
        if (perception != null) {
          perception.render(
              world.bodyPosition().get0(), world.bodyPosition().get1(), trueYaw(), now);
          svc.step(
              now,
              t.mode,
              sx,
              sy,
              t.odomYaw,
              robodog.autonomy.MarkerSighting.from(seen),
              perception.people,
              perception.grid);
        } else {
          svc.step(now, t.mode, sx, sy, t.odomYaw, robodog.autonomy.MarkerSighting.from(seen));
        }
      }
      if (world.fallen()) {
        return false;
      }
    }
    return true;
  }

  /** Controller telemetry (this thread only). */
  public Telemetry telemetry() {
    return controller.telemetry();
  }
}
