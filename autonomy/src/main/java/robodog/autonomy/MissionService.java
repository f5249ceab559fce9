package robodog.autonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ToIntFunction;
import robodog.autonomy.adapt.RouteLearner;
import robodog.autonomy.store.ActiveRun;
import robodog.autonomy.store.Incident;
import robodog.autonomy.store.RunDatabase;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Payload;
import robodog.core.Telemetry;

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
  private final RunDatabase db;
  private java.util.function.Supplier<Payload> declaredPayload = Payload::none;
  private final DrivePort drive;
  private final Consumer<String> errors;
  private final Consumer<String> statePublisher;
  private final ToIntFunction<String> gaitIndex;
  private final LongConsumer runFinished;
  private Consumer<String> routeMapPublisher = json -> {};
  private final Map<String, Long> lastSeq = new HashMap<>();
  private final MotionCommand cmd = new MotionCommand();
  private final MissionStateJson stateJson = new MissionStateJson();
  private final RunJournal journal;
  private final RunLease lease;
  private final RouteLearner learner;
  private TeachRecorder recorder;
  private String recorderClient;
  private Mission mission;
  private String dispatcher;
  private long lastHeardDispatcherNanos;
  private Mode mode = Mode.STANDING;
  // Written by the thread delivering cmd/estop without this object's lock, so an E-stop is noted
  // even while a step waits for a locked database; the next step pauses the run.
  private volatile boolean estopLatch;
  private String storeError;
  private double storeErrorReportedS = Double.NEGATIVE_INFINITY;
  private ActiveRun pendingRestore;
  private boolean needsAnchor;
  private double nowS;
  private List<String> routeNames = List.of();

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
    this.journal = new RunJournal(db);
    this.lease = new RunLease(drive);
    this.learner = new RouteLearner(db.segments(), errors);
    pendingRestore = db.activeRun().orElse(null);
  }

  /**
   * Where a dispatch without its own payload takes the payload from: the robot's declaration
   * (configuration, then cmd/payload). Until set: nothing on board. Start-up thread.
   */
  public synchronized void declaredPayload(java.util.function.Supplier<Payload> source) {
    declaredPayload = source;
  }

  /**
   * Where {@code show_route} answers go (JSON for {@code state/route}, see {@link RouteMapJson});
   * without one they are dropped. Any thread.
   */
  public synchronized void routeMaps(Consumer<String> publisher) {
    routeMapPublisher = publisher;
  }

  /**
   * An E-stop was requested (engage) or released, seen on its way to the controller: noted here at
   * once, so a dispatch or resume arriving before the next telemetry cannot slip through; the run
   * pauses at the next step. Any thread; never waits (not even for a step blocked on the database).
   */
  public void estopRequested(boolean engage) {
    estopLatch = engage;
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
      case "show_route":
        routeMapPublisher.accept(
            RouteMapJson.encode(
                db.route(c.route())
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "unknown route '"
                                    + c.route()
                                    + "': known routes are "
                                    + db.routeNames()))));
        return;
      case "record_start":
        require(
            recorder == null,
            "already recording route " + (recorder == null ? "" : recorder.name()));
        require(mission == null && pendingRestore == null, "a run is in progress; abort it first");
        require(db.route(c.route()).isEmpty(), "route '" + c.route() + "' already exists");
        lease.requireHeldBy(client);
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
        mission.pauseBy(t, client);
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
        requireMayLift(client);
        lease.takeForRun(client);
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
            + journal.id()
            + " is in progress ("
            + (mission != null ? mission.state().wireName() : "interrupted")
            + "); abort or finish it first");
    require(recorder == null, "recording route " + (recorder == null ? "" : recorder.name()));
    require(!estopped(), "the robot is E-stopped (release it first)");
    lease.requireHeldBy(client);
    // A dispatch that declares no payload carries what the robot has been told is on board.
    Payload payload = c.payload() != null ? c.payload() : declaredPayload.get();
    RideProfile prof = RideProfile.forPayload(payload);
    int gait = gaitIndex.applyAsInt(prof.gait());
    lease.grantToAutonomy(client, "the control lease moved during dispatch");
    try {
      journal.start(route, client, payload, prof, c.commsLoss(), nowNanos * 1e-9);
    } catch (RuntimeException e) {
      drive.grant(DrivePort.AUTONOMY, client); // no run: the dispatcher keeps the lease
      throw e;
    }
    dispatcher = client;
    lastHeardDispatcherNanos = nowNanos;
    mission = new Mission(route, prof, c.commsLoss(), gait, this::incident);
    if (c.learn()) {
      learner.begin(journal.id(), route, prof, payload.massKg());
    } else {
      learner.end(nowNanos * 1e-9); // this run walks the profile's own setting, stores nothing
    }
    needsAnchor = true;
  }

  private boolean estopped() {
    return estopLatch || mode == Mode.ESTOP || mode == Mode.FAULT;
  }

  private void resume(String client, long nowNanos) {
    require(!estopped(), "the robot is E-stopped (release it first)");
    require(mission.state().holding(), "the run is " + mission.state().wireName() + ", not paused");
    requireMayLift(client);
    lease.takeForRun(client);
    // Whoever resumes supervises from now on.
    dispatcher = client;
    lastHeardDispatcherNanos = nowNanos;
    mission.resume(nowNanos * 1e-9, client);
  }

  /**
   * A run paused by hand (e.g. by its supervisor for crew on the path) moves again only at the word
   * of whoever paused it or of the run's supervisor (its dispatcher, or whoever last resumed it):
   * another operator, even holding the lease, cannot walk it into the people it was stopped for.
   */
  private void requireMayLift(String client) {
    String by = mission.pausedBy();
    if (by != null && !client.equals(by) && !client.equals(dispatcher)) {
      throw new IllegalArgumentException(
          "the run was paused by "
              + by
              + "; only "
              + by
              + (dispatcher == null || dispatcher.equals(by)
                  ? ""
                  : " or the run's supervisor " + dispatcher)
              + " may move it on");
    }
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
    try {
      journal.incident(i, nowS);
    } catch (IllegalStateException e) {
      storeFailed(e);
    }
  }

  /**
   * The run database refused a write (locked past its busy timeout, full, damaged): the run holds
   * where it is (an automatic pause: resumed as after an E-stop) and the operators are told, at
   * most every 10 s; teleop never depends on the database.
   */
  private void storeFailed(IllegalStateException e) {
    boolean first = storeError == null;
    storeError = e.getMessage();
    if (first || nowS - storeErrorReportedS >= 10) {
      storeErrorReportedS = nowS;
      refuse(
          storeError
              + (mission != null
                  ? "; run " + journal.id() + " holds until the database takes writes again"
                  : ""));
    }
    if (mission != null) {
      mission.pause(nowS, "the run database failed");
    }
  }

  private void storeRecovered() {
    if (storeError != null) {
      storeError = null;
      refuse("run database writable again" + (mission != null ? "; resume the run to go on" : ""));
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
    learner.apply(mission, t, cmd);
    if (leased && !estopped) {
      drive.drive(cmd);
    }
    RunState st = mission.state();
    boolean saved;
    try {
      saved = journal.saveIfDue(mission, t);
      if (saved) {
        storeRecovered();
      }
    } catch (IllegalStateException e) {
      storeFailed(e);
      saved = true; // the run now holds: state/mission says so
    }
    if (saved) {
      publishState();
    }
    if (st.finished()) {
      finish();
    }
  }

  private void finish() {
    long id = journal.id();
    try {
      journal.finish(mission);
    } catch (IllegalStateException e) {
      storeFailed(e); // the run stays until its end is recorded; the next step tries again
      return;
    }
    learner.end(nowS);
    // Stand, then hand control back to whoever supervised the run.
    lease.standAndHandBack(cmd, dispatcher);
    mission = null;
    journal.clear();
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
    journal.adoptInterrupted(a.run().id(), nowS - a.run().durationS());
    mission = m;
    dispatcher = a.run().dispatchedBy();
    publishState();
  }

  /**
   * The controller's latest telemetry for route learning (IMU, recoveries, slip, failed legs); call
   * before each {@link #step}. Autonomy thread.
   */
  public synchronized void observe(Telemetry t) {
    learner.observe(t);
  }

  /** Per-segment route learning of this service. Autonomy thread / tests. */
  public synchronized RouteLearner learner() {
    return learner;
  }

  /** The run in progress, or null. Autonomy thread / tests. */
  public synchronized Mission mission() {
    return mission;
  }

  public synchronized long runId() {
    return journal.id();
  }

  public synchronized boolean recording() {
    return recorder != null;
  }

  /** state/mission JSON (documented in docs/missions.md). */
  public synchronized String stateJson() {
    try {
      routeNames = db.routeNames();
    } catch (IllegalStateException e) {
      // A database that cannot be read now: the names it last gave (routes are rarely added).
    }
    return stateJson.encode(mission, journal.id(), dispatcher, recorder, routeNames);
  }

  private void publishState() {
    statePublisher.accept(stateJson());
  }
}
