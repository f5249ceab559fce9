package robodog.harness.mission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import robodog.autonomy.MarkerSighting;
import robodog.autonomy.MissionService;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Mode;
import robodog.core.SteppableClock;
import robodog.core.Telemetry;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.Landmarks;
import robodog.core.perception.PeopleZones;
import robodog.harness.RobotFactory;
import robodog.harness.SimulatedRobot;
import robodog.harness.perception.SimPerception;
import robodog.harness.sim.WorldBody;
import robodog.locomotion.HexapodController;
import robodog.locomotion.LocomotionConfig;
import robodog.operatorlink.OperatorLink;
import robodog.sim.SimWorld;
import robodog.sim.camera.Scene;
import robodog.sim.scenario.Scenario;
import robodog.sim.terrain.Terrain;

/**
 * The whole robot minus the radio, headless and faster than real time: physics, the real
 * controller, the real operator link (lease, watchdog) and the autonomy layer on a stepped clock.
 * The control loop ticks at {@code rateHz}; the link and autonomy step at 20 Hz in between, as
 * their own threads would. Scripted teleop and mission commands go in through the same entry points
 * as MQTT messages.
 *
 * <p>Autonomy's markers (and, when given, people and obstacles) come from simulation ground truth
 * ({@link MarkerField}, {@link GroundTruthPerception}) unless {@link #camera} attaches the camera
 * pipeline ({@link SimPerception}, lock step): then they are what the simulated camera and
 * perception report. One thread; {@link #close} stops the pipeline's threads.
 */
public final class MissionSim implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimWorld world;
  private final WorldBody body;
  private final Terrain terrain;
  private final SimulatedRobot robot;
  private final HexapodController controller;
  private final SteppableClock clock = new SteppableClock();
  private final OperatorLink link;
  private final MissionService svc;
  private final MarkerField markers;
  private final List<String> errors = new ArrayList<>();
  private final double x0;
  private final double y0;
  private final double[] rpy = new double[3];
  private final Landmarks seen = new Landmarks();
  private GroundTruthPerception perception;
  private SimPerception camera;
  private Scene cameraScene;

  /** Camera sightings against ground truth: range (m) and position error (m) pairs. */
  private final List<double[]> sightingErrors = new ArrayList<>();

  private double driftPerMetre;
  private double driftX;
  private double driftY;
  private double lastOx = Double.NaN;
  private double lastOy;
  private long seq;

  /**
   * @param robots builds the robot on the scenario's body
   * @param driftPerMetre injected odometry drift: metres of sideways error per metre walked
   * @param runFinished told each finished run's id
   */
  public MissionSim(
      RobotFactory robots,
      LocomotionConfig cfg,
      Scenario sc,
      long seed,
      double rateHz,
      RunDatabase db,
      MarkerField markers,
      double driftPerMetre,
      LongConsumer runFinished) {
    body = new WorldBody(cfg, sc, seed, null, null);
    terrain = body.terrain();
    world = body.world();
    try {
      robot =
          robots.assemble(
              cfg,
              body,
              clock,
              RobotFactory.Setup.headless(rateHz, Mode.STANDING),
              new java.io.PrintWriter(java.io.OutputStream.nullOutputStream()));
    } catch (Exception e) {
      throw new IllegalStateException("mission sim: robot not assembled: " + e, e);
    }
    controller = robot.controller();
    link = robot.link(); // its lease and watchdog run as the robot's own link-timers job
    robot.addReportListener(errors::add);
    svc =
        new MissionService(
            db,
            robot.missionDrive(),
            g -> cfg.gaitTable().indexOf(g),
            errors::add,
            state -> {}, // no tablet here: state/mission messages go nowhere
            runFinished);
    this.markers = markers;
    this.driftPerMetre = driftPerMetre;
    x0 = world.bodyPosition().get0();
    y0 = world.bodyPosition().get1();
    // Autonomy steps as a side job beside the robot's own, in lock step with simulated time.
    robot.jobs().add(robot.missionsThread(), "missions", robot.missionsHz(), this::autonomyStep);
  }

  /** Feeds local navigation from ground truth from now on (null: no perception). */
  public void perception(GroundTruthPerception p) {
    perception = p;
  }

  /**
   * Feeds autonomy from the camera pipeline from now on: {@code scene} rendered by the simulated
   * camera from the body's true pose, perception's Landmarks (each frame once), PeopleZones and
   * HeightGrid replace ground truth, and its safety limit reaches the controller. Headless lock
   * step. Call before {@link #run}.
   */
  public void camera(SimPerception.Setup setup, Scene scene, long seed) {
    if (camera != null) {
      throw new IllegalStateException("camera perception already attached");
    }
    camera =
        SimPerception.start(
            setup, body.simHardware(), terrain, scene, seed, controller, clock, true);
    cameraScene = scene;
  }

  /**
   * Each camera marker sighting so far against ground truth: {range m, error m}, the error being
   * the distance between where perception put the marker (base_link, x y) and where it stands in
   * the true body frame at the time autonomy read it. Empty without a camera.
   */
  public List<double[]> sightingErrors() {
    return sightingErrors;
  }

  /** The camera pipeline's summary line(s) (after {@link #close}), or null without a camera. */
  public String cameraSummary() {
    return camera == null ? null : camera.summary();
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

  public double timeS() {
    return clock.nanoTime() * 1e-9;
  }

  /**
   * A teleop message as from an MQTT client, e.g. ("tablet", "cmd/velocity", {...}). {@code json}
   * is fixed text whose {@code SEQ} is replaced by the next sequence number; a message holding a
   * name or any other chosen text goes through {@link #operator(String, String, ObjectNode)}.
   */
  public void operator(String client, String topic, String json) {
    link.onMessage(
        client,
        topic,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        clock.nanoTime());
  }

  /** A cmd/mission message from {@code client}; {@code json} as for {@link #operator}. */
  public void mission(String client, String json) {
    svc.onMessage(
        client,
        json.replace("SEQ", Long.toString(++seq)).getBytes(StandardCharsets.UTF_8),
        clock.nanoTime());
  }

  /**
   * {@code client} takes the lease and dispatches {@code route} for {@code sc}'s payload, as the
   * tablet does; returns the run's id.
   *
   * @throws IllegalStateException when the robot refused the dispatch (its errors attached)
   */
  public long dispatch(String client, String route, Scenario sc, double fragility) {
    operator(client, "cmd/lease", message().put("action", "acquire"));
    // The route name is the operator's choice: Jackson quotes it, whatever it holds.
    ObjectNode dispatch = message().put("op", "dispatch").put("route", route);
    dispatch
        .putObject("payload")
        .put("mass_kg", sc.payloadKg())
        .put("com_height_m", sc.payloadCom().get(2))
        .put("fragility", fragility);
    mission(client, dispatch);
    if (svc.mission() == null) {
      throw new IllegalStateException("dispatch refused: " + errors());
    }
    return svc.runId();
  }

  /** An empty message object for the Jackson-written {@link #operator} and {@link #mission}. */
  public static ObjectNode message() {
    return JSON.createObjectNode();
  }

  /** A teleop message written by Jackson: {@code "seq"} (the next number), then {@code fields}. */
  public void operator(String client, String topic, ObjectNode fields) {
    link.onMessage(client, topic, withSeq(fields), clock.nanoTime());
  }

  /** A cmd/mission message written by Jackson: {@code "seq"}, then {@code fields}. */
  public void mission(String client, ObjectNode fields) {
    svc.onMessage(client, withSeq(fields), clock.nanoTime());
  }

  private byte[] withSeq(ObjectNode fields) {
    ObjectNode n = JSON.createObjectNode();
    n.put("seq", ++seq);
    n.setAll(fields);
    try {
      return JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers is always writable", e);
    }
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
      if (camera != null) {
        camera.beforeTick(timeS());
      }
      robot.step();
      if (world.fallen()) {
        return false;
      }
    }
    return true;
  }

  /** One autonomy step at {@code now}: odometry with the injected drift, sightings, the service. */
  private void autonomyStep(long now) {
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
    List<MarkerSighting> sightings;
    PeopleZones people = null;
    HeightGrid grid = null;
    if (camera != null) {
      // The camera pipeline's newest frame, used once (12 Hz camera, 20 Hz autonomy).
      Landmarks l = camera.outputs().landmarks().poll();
      sightings = l == null ? List.of() : MarkerSighting.from(l);
      scoreSightings(sightings);
      sightings = withinTaughtRange(sightings);
      people = camera.outputs().people().latest();
      grid = camera.outputs().grid().latest();
    } else {
      // Ground-truth markers through perception's Landmarks message, as the detector delivers.
      double wx = world.bodyPosition().get0();
      double wy = world.bodyPosition().get1();
      markers.seen(wx, wy, trueYaw(), seen);
      seen.stampNanos = now;
      sightings = MarkerSighting.from(seen);
      if (perception != null) {
        perception.render(wx, wy, trueYaw(), now);
        people = perception.people;
        grid = perception.grid;
      }
    }
    svc.observe(t);
    svc.step(now, t.mode, sx, sy, t.odomYaw, sightings, people, grid);
  }

  /**
   * The camera reports markers out to 4 m and more, but the shipped routes' landmarks were taught
   * with sightings within {@link MarkerField#MAX_RANGE_M}, in a drifting odometry frame: a far
   * sighting of a landmark taught from close by pulls the frame against the near ones (seen: 5-7 cm
   * corrections every frame and the route's end 0.23 m off). So only sightings within that range
   * relocalise, as when teaching.
   */
  private static List<MarkerSighting> withinTaughtRange(List<MarkerSighting> all) {
    List<MarkerSighting> near = new ArrayList<>(all.size());
    for (MarkerSighting m : all) {
      if (Math.hypot(m.x(), m.y()) <= MarkerField.MAX_RANGE_M) {
        near.add(m);
      }
    }
    return near;
  }

  private void scoreSightings(List<MarkerSighting> sightings) {
    double wx = world.bodyPosition().get0();
    double wy = world.bodyPosition().get1();
    double yaw = trueYaw();
    double c = Math.cos(yaw);
    double s = Math.sin(yaw);
    for (MarkerSighting m : sightings) {
      for (Scene.Marker sm : cameraScene.markers()) {
        if (sm.id() == m.id()) {
          double dx = sm.x() - wx;
          double dy = sm.y() - wy;
          double bx = c * dx + s * dy;
          double by = -s * dx + c * dy;
          sightingErrors.add(new double[] {Math.hypot(bx, by), Math.hypot(m.x() - bx, m.y() - by)});
        }
      }
    }
  }

  /** Controller telemetry (this thread only). */
  public Telemetry telemetry() {
    return controller.telemetry();
  }

  @Override
  public void close() {
    if (camera != null) {
      camera.close();
    }
    robot.close();
  }
}
