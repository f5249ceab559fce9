package robodog.autonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import robodog.autonomy.store.ActiveRun;
import robodog.autonomy.store.Incident;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * The autonomy layer as the robot runs it: takes {@code cmd/mission} messages, records routes,
 * dispatches and supervises runs, keeps the database current and publishes {@code state/mission}.
 *
 * <p>Safety rules: a run is dispatched only by the client holding the control lease and never while
 * E-stopped; the lease is then handed to {@link DrivePort#AUTONOMY}. Anyone taking the lease back,
 * or an E-stop, pauses the run. A run found in the database at start-up is shown as interrupted and
 * stands still until an operator resumes it.
 *
 * <p>Threading: {@link #onMessage} from MQTT callbacks, {@link #step} from the autonomy thread
 * (about 20 Hz); both synchronize on this object. Never called from the control thread.
 */
public final class MissionService {
  /** How often progress is saved and state/mission published while a run moves, s. */
  static final double SAVE_PERIOD_S = 1.0;

  private final RunDatabase db;
  private final DrivePort drive;
  private final Consumer<String> errors;
  private final Consumer<String> statePublisher;
  private final ToIntFunction<String> gaitIndex;
  private final LongConsumer runFinished;
  private final Map<String, Long> lastSeq = new HashMap<>();
  private final MotionCommand cmd = new MotionCommand();
  private final MissionStateJson stateJson = new MissionStateJson();
  private TeachRecorder recorder;
  private String recorderClient;
  private Mission mission;
  private long runId = -1;
  private String dispatcher;
  private double dispatchT;
  private long lastHeardDispatcherNanos;
  private Mode mode = Mode.STANDING;
  private boolean estopLatch;
  private ActiveRun pendingRestore;
  private double lastSaveT = Double.NEGATIVE_INFINITY;
  private RunState lastSavedState;
  private double nowS;

  /**
   * @param gaitIndex maps a gait name to the controller's gait table index (-1 if unknown)
   * @param errors one sentence per refused command (published on state/error)
   * @param statePublisher JSON for state/mission
   * @param runFinished told the run id when a run ends (e.g. to write its report)
   */
  public MissionService(
      RunDatabase db,
      DrivePort drive,
      ToIntFunction<String> gaitIndex,
      Consumer<String> errors,
      Consumer<String> statePublisher,
      LongConsumer runFinished) {
    this.db = db;
    this.drive = drive;
    this.gaitIndex = gaitIndex;
    this.errors = errors;
    this.statePublisher = statePublisher;
    this.runFinished = runFinished;
    pendingRestore = db.activeRun().orElse(null);
  }

  /**
   * An E-stop was requested (engage) or released, seen on its way to the controller: applied here
   * at once, so a dispatch arriving before the next telemetry cannot slip through. Any thread.
   */
  public synchronized void estopRequested(boolean engage) {
    estopLatch = engage;
    if (engage && mission != null) {
      mission.pause(nowS, "E-stop");
    }
  }

  /** Handles one cmd/mission message from {@code client}; refusals go to errors. */
  public synchronized void onMessage(String client, byte[] payload, long nowNanos) {
    MissionCommand c;
    try {
      c = MissionCommand.parse(payload);
    } catch (IllegalArgumentException e) {
      refuse(
          e.getMessage().startsWith("cmd/mission")
              ? e.getMessage()
              : "cmd/mission: " + e.getMessage());
      return;
    }
    Long last = lastSeq.get(client);
    if (last != null && c.seq() <= last) {
      refuse("cmd/mission: seq " + c.seq() + " is not newer than " + last + "; ignored");
      return;
    }
    lastSeq.put(client, c.seq());
    if (client.equals(dispatcher)) {
      lastHeardDispatcherNanos = nowNanos;
    }
    try {
      handle(client, c, nowNanos);
    } catch (IllegalArgumentException | IllegalStateException e) {
      refuse("cmd/mission: " + c.op() + " refused: " + e.getMessage());
    }
  }

  private void handle(String client, MissionCommand c, long nowNanos) {
    double t = nowNanos * 1e-9;
    switch (c.op()) {
      case "heartbeat":
        return;
      case "list_routes":
        publishState();
        return;
      case "record_start":
        require(
            recorder == null,
            "already recording route " + (recorder == null ? "" : recorder.name()));
        require(mission == null && pendingRestore == null, "a run is in progress; abort it first");
        require(db.route(c.route()).isEmpty(), "route '" + c.route() + "' already exists");
        holdsLease(client);
        recorder = new TeachRecorder(c.route(), t);
        recorderClient = client;
        break;
      case "record_stop":
        require(recorder != null, "not recording");
        Route r = recorder.finish(0.5, c.toleranceM(), System.currentTimeMillis());
        db.saveRoute(r, "taught by " + recorderClient, false);
        recorder = null;
        break;
      case "record_cancel":
        require(recorder != null, "not recording");
        recorder = null;
        break;
      case "dispatch":
        dispatch(client, c, nowNanos);
        break;
      case "pause":
        requireRun();
        mission.pause(t, "by " + client);
        break;
      case "resume":
        requireRun();
        resume(client, nowNanos);
        break;
      case "abort":
        requireRun();
        mission.abort(client);
        break;
      case "return_home":
        requireRun();
        require(!estopped(), "the robot is E-stopped");
        takeLeaseForRun(client);
        mission.returnHome(client);
        break;
      default:
        throw new IllegalArgumentException("unknown op");
    }
    publishState();
  }

  private void dispatch(String client, MissionCommand c, long nowNanos) {
    Route route =
        db.route(c.route())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown route '" + c.route() + "': known routes are " + db.routeNames()));
    require(
        mission == null && pendingRestore == null,
        "run "
            + runId
            + " is in progress ("
            + (mission != null ? mission.state().wireName() : "interrupted")
            + "); abort or finish it first");
    require(recorder == null, "recording route " + (recorder == null ? "" : recorder.name()));
    require(!estopped(), "the robot is E-stopped (release it first)");
    holdsLease(client);
    RideProfile prof = RideProfile.forPayload(c.payload());
    int gait = gaitIndex.applyAsInt(prof.gait());
    String payloadJson = StoredRun.payloadJson(c.payload());
    require(drive.grant(client, DrivePort.AUTONOMY), "the control lease moved during dispatch");
    dispatcher = client;
    dispatchT = nowNanos * 1e-9;
    lastHeardDispatcherNanos = nowNanos;
    Waypoint w0 = route.waypoints().get(0);
    runId =
        db.startRun(
            route.name(),
            client,
            System.currentTimeMillis(),
            payloadJson,
            prof.name(),
            c.commsLoss().policy().wireName(),
            c.commsLoss().timeoutS(),
            c.commsLoss().radiusM(),
            w0.x(),
            w0.y(),
            0);
    mission = new Mission(route, prof, c.commsLoss(), gait, this::incident);
    needsAnchor = true;
    lastSavedState = null;
  }

  private boolean needsAnchor;

  private boolean estopped() {
    return estopLatch || mode == Mode.ESTOP || mode == Mode.FAULT;
  }

  private void resume(String client, long nowNanos) {
    require(!estopped(), "the robot is E-stopped (release it first)");
    require(mission.state().holding(), "the run is " + mission.state().wireName() + ", not paused");
    takeLeaseForRun(client);
    // Whoever resumes supervises from now on.
    dispatcher = client;
    lastHeardDispatcherNanos = nowNanos;
    mission.resume(nowNanos * 1e-9, client);
  }

  private void takeLeaseForRun(String client) {
    String holder = drive.leaseHolder();
    if (DrivePort.AUTONOMY.equals(holder)) {
      return;
    }
    holdsLease(client);
    require(drive.grant(client, DrivePort.AUTONOMY), "the control lease moved");
  }

  private void holdsLease(String client) {
    String holder = drive.leaseHolder();
    require(
        client.equals(holder),
        client
            + " does not hold the control lease (held by "
            + (holder == null ? "nobody" : holder)
            + "); acquire it first");
  }

  private void requireRun() {
    require(mission != null, "no run in progress");
  }

  private static void require(boolean ok, String why) {
    if (!ok) {
      throw new IllegalArgumentException(why);
    }
  }

  private void refuse(String why) {
    errors.accept(why);
  }

  private void incident(Incident i) {
    if (runId >= 0) {
      // Stamped like the path samples: seconds since dispatch.
      db.addIncident(runId, new Incident(nowS - dispatchT, i.kind(), i.detail()));
    }
  }

  /**
   * One autonomy step.
   *
   * @param nowNanos autonomy clock
   * @param robotMode the controller's mode from telemetry
   * @param ox odometry pose (odom frame, m, rad); oy, oyaw likewise
   * @param seen markers in view now
   */
  public synchronized void step(
      long nowNanos, Mode robotMode, double ox, double oy, double oyaw, List<MarkerSighting> seen) {
    step(nowNanos, robotMode, ox, oy, oyaw, seen, null, null);
  }

  /**
   * As above with perception's people and obstacle grid (base_link) for local navigation; either
   * may be null when perception does not provide it.
   */
  public synchronized void step(
      long nowNanos,
      Mode robotMode,
      double ox,
      double oy,
      double oyaw,
      List<MarkerSighting> seen,
      robodog.core.perception.PeopleZones people,
      robodog.core.perception.HeightGrid grid) {
    double t = nowNanos * 1e-9;
    nowS = t;
    mode = robotMode;
    if (recorder != null) {
      recorder.step(t, ox, oy, oyaw, seen);
    }
    if (pendingRestore != null) {
      restore(ox, oy, oyaw);
    }
    if (mission == null) {
      return;
    }
    if (needsAnchor) {
      mission.anchorAtStart(ox, oy, oyaw);
      needsAnchor = false;
    }
    boolean estopped = estopped();
    String holder = drive.leaseHolder();
    boolean leased = DrivePort.AUTONOMY.equals(holder);
    if (estopped) {
      mission.pause(t, "E-stop");
    } else if (!leased && !mission.state().holding()) {
      mission.pause(t, "control lease taken by " + (holder == null ? "nobody" : holder));
    }
    double timeout = mission.commsLoss().timeoutS();
    boolean alive = (nowNanos - lastHeardDispatcherNanos) * 1e-9 <= timeout;
    mission.surroundings(people, grid);
    mission.step(t, ox, oy, oyaw, seen, alive, cmd);
    if (leased && !estopped) {
      drive.drive(cmd);
    }
    RunState st = mission.state();
    if (st != lastSavedState || t - lastSaveT >= SAVE_PERIOD_S) {
      save(t);
      publishState();
    }
    if (st.finished()) {
      finish();
    }
  }

  private void save(double t) {
    double[] p = mission.pose();
    db.saveProgress(
        runId,
        mission.nextWaypoint(),
        mission.state().wireName(),
        mission.distanceWalkedM(),
        mission.underWayS(),
        t - dispatchT,
        p[0],
        p[1],
        p[2],
        mission.speedMps(),
        System.currentTimeMillis());
    lastSaveT = t;
    lastSavedState = mission.state();
  }

  private void finish() {
    long id = runId;
    db.finishRun(
        id,
        mission.state().wireName(),
        mission.distanceWalkedM(),
        mission.underWayS(),
        System.currentTimeMillis());
    if (DrivePort.AUTONOMY.equals(drive.leaseHolder())) {
      // Stand, then hand control back to whoever supervised the run.
      cmd.requestedMode = Mode.STANDING;
      cmd.vx = 0;
      cmd.yawRate = 0;
      drive.drive(cmd);
      if (dispatcher != null) {
        drive.grant(DrivePort.AUTONOMY, dispatcher);
      }
    }
    mission = null;
    runId = -1;
    publishState();
    runFinished.accept(id);
  }

  private void restore(double ox, double oy, double oyaw) {
    ActiveRun a = pendingRestore;
    pendingRestore = null;
    Mission m = StoredRun.restore(db, a, gaitIndex, this::incident, ox, oy, oyaw);
    if (m == null) {
      return;
    }
    runId = a.run().id();
    mission = m;
    dispatcher = a.run().dispatchedBy();
    dispatchT = nowS - a.run().durationS();
    lastSavedState = RunState.INTERRUPTED;
    publishState();
  }

  /** The run in progress, or null. Autonomy thread / tests. */
  public synchronized Mission mission() {
    return mission;
  }

  public synchronized long runId() {
    return runId;
  }

  public synchronized boolean recording() {
    return recorder != null;
  }

  /** state/mission JSON (documented in docs/missions.md). */
  public synchronized String stateJson() {
    return stateJson.encode(mission, runId, dispatcher, recorder, db.routeNames());
  }

  private void publishState() {
    statePublisher.accept(stateJson());
  }
}
