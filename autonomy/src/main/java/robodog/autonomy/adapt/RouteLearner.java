package robodog.autonomy.adapt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import robodog.autonomy.Mission;
import robodog.autonomy.RideProfile;
import robodog.autonomy.Route;
import robodog.autonomy.RunState;
import robodog.autonomy.store.SegmentResult;
import robodog.autonomy.store.SegmentTable;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.Telemetry;

/**
 * Learns, per route segment, which setting inside the ride profile carries the payload most
 * smoothly, from the robot's own repeated runs. At each segment's start it picks an {@link Arm}
 * with {@link SegmentBandit} from that segment's stored history; while the segment is walked it
 * scales the run's velocity and sets the step height of the command; at the segment's end it stores
 * what the IMU felt ({@link SegmentResult}). The measure is the robot's own: RMS about the
 * segment's mean of {@link Telemetry#imuLinearAcceleration} (so gravity and a bias drop out),
 * sampled at the autonomy rate while the robot walks.
 *
 * <p>A segment during which the run held, was paused or ended without a fall is not stored (its
 * time says nothing about the setting). A fall is the body tilted past {@link #FALL_TILT_RAD} or a
 * controller FAULT. A store failure turns learning off for the rest of the run and is reported
 * once; it never holds the run. Mutable; the autonomy thread only.
 */
public final class RouteLearner {
  /** Tilt from upright counted as a fall, rad. */
  public static final double FALL_TILT_RAD = 0.8;

  private final SegmentTable table;
  private final Consumer<String> errors;
  private final double[] acc = new double[3];
  private final double[] sum = new double[3];
  private final double[] sumSq = new double[3];
  private final Map<Integer, List<SegmentResult>> history = new HashMap<>();
  private final List<String> chosen = new ArrayList<>();
  private long recoveries;
  private double slip;
  private double tilt;
  private Mode mode = Mode.STANDING;
  private int failedMask;

  private RouteKey key;
  private long runId;
  private List<Arm> allowed = List.of();
  private int segments;
  private int segment = -1;
  private Arm arm = Arm.BASE;
  private double startS;
  private double lastS;
  private double walkedS;
  private long n;
  private long recoveriesAtStart;
  private double maxSlip;
  private boolean disturbed;
  private boolean fell;

  /**
   * @param table where results live; {@code errors} hears one sentence per store failure
   */
  public RouteLearner(SegmentTable table, Consumer<String> errors) {
    this.table = table;
    this.errors = errors;
  }

  /** The controller's latest telemetry, copied. */
  public void observe(Telemetry t) {
    System.arraycopy(t.imuLinearAcceleration, 0, acc, 0, 3);
    recoveries = t.recoveries;
    slip = Double.isFinite(t.slipMps) ? t.slipMps : 0;
    double[] q = t.imuOrientation; // w, x, y, z
    double up = 1 - 2 * (q[1] * q[1] + q[2] * q[2]); // body z on world z
    tilt = Math.acos(Math.max(-1, Math.min(1, up)));
    mode = t.mode;
    failedMask = t.failedLegMask;
  }

  /** A run was dispatched: loads the estimates for this route, payload class and failed legs. */
  public void begin(long runId, Route route, RideProfile profile, double massKg) {
    key = null;
    history.clear();
    chosen.clear();
    segment = -1;
    try {
      RouteKey k = RouteKey.of(route, massKg, failedMask);
      for (SegmentResult r :
          table.results(k.route(), k.routeHash(), k.massClass(), k.failedMask())) {
        history.computeIfAbsent(r.segment(), s -> new ArrayList<>()).add(r);
      }
      this.runId = runId;
      allowed = Arm.allowed(profile);
      segments = route.waypoints().size() - 1;
      key = k;
    } catch (RuntimeException e) {
      errors.accept("route learning off for run " + runId + ": " + e.getMessage());
    }
  }

  /** After the mission's step: follows segments and applies the chosen arm to {@code out}. */
  public void apply(Mission m, double tS, MotionCommand out) {
    if (key == null) {
      return;
    }
    int seg = m.nextWaypoint() - 1;
    boolean running = m.state() == RunState.RUNNING;
    if (seg != segment) {
      close(tS);
      if (running && seg >= 0 && seg < segments) {
        open(seg, tS);
      }
    }
    if (segment < 0) {
      return;
    }
    if (tilt > FALL_TILT_RAD || mode == Mode.FAULT) {
      fell = true;
    }
    if (!running) {
      disturbed = true;
      return;
    }
    boolean walking = out.requestedMode == Mode.WALKING;
    if (walking) {
      walkedS += tS - lastS;
      for (int i = 0; i < 3; i++) {
        sum[i] += acc[i];
        sumSq[i] += acc[i] * acc[i];
      }
      n++;
      maxSlip = Math.max(maxSlip, slip);
    }
    lastS = tS;
    out.vx *= arm.speedScale();
    out.vy *= arm.speedScale();
    out.yawRate *= arm.speedScale();
    out.stepHeight = arm.stepHeightM();
  }

  /** The run ended: a segment it fell on is stored; learning waits for the next dispatch. */
  public void end(double tS) {
    if (key != null) {
      close(tS);
    }
    key = null;
  }

  /** The arm chosen per segment this run so far, e.g. {@code "0:s1.00/h-own"}. */
  public List<String> chosen() {
    return List.copyOf(chosen);
  }

  private void open(int seg, double tS) {
    segment = seg;
    arm = SegmentBandit.choose(allowed, history.getOrDefault(seg, List.of()));
    chosen.add(seg + ":" + arm.name());
    startS = tS;
    lastS = tS;
    walkedS = 0;
    n = 0;
    for (int i = 0; i < 3; i++) {
      sum[i] = 0;
      sumSq[i] = 0;
    }
    recoveriesAtStart = recoveries;
    maxSlip = 0;
    disturbed = false;
    fell = false;
  }

  private void close(double tS) {
    if (segment < 0) {
      return;
    }
    int seg = segment;
    segment = -1;
    if ((disturbed && !fell) || n < 2 || walkedS <= 0) {
      return;
    }
    double var = 0;
    for (int i = 0; i < 3; i++) {
      double mean = sum[i] / n;
      var += Math.max(0, sumSq[i] / n - mean * mean);
    }
    double rms = Math.sqrt(var);
    List<SegmentResult> h = history.computeIfAbsent(seg, s -> new ArrayList<>());
    int rec = (int) Math.max(0, recoveries - recoveriesAtStart);
    double base = SegmentBandit.baseTimeS(h, walkedS);
    double cost = SegmentBandit.cost(rms, walkedS, base, rec, fell);
    try {
      SegmentResult r =
          new SegmentResult(
              runId,
              key.route(),
              key.routeHash(),
              seg,
              key.massClass(),
              key.failedMask(),
              arm.name(),
              rms,
              walkedS,
              cost,
              fell,
              rec,
              maxSlip);
      table.add(r);
      h.add(r);
    } catch (RuntimeException e) {
      errors.accept("route learning off for run " + runId + ": " + e.getMessage());
      key = null;
    }
  }
}
