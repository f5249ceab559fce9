package robodog.autonomy;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import robodog.autonomy.store.Incident;
import robodog.core.Mode;
import robodog.core.MotionCommand;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.PeopleZones;

/**
 * One run of a route, stepped at about 20 Hz with the odometry pose; fills a {@link MotionCommand}
 * for the controller. Knows nothing of MQTT or the database: {@link MissionService} wires those.
 * Its parts: {@link RunTransitions} (the run's state and every change of it), {@link RunOdometer}
 * (pose, distance, time), {@link RouteFollower} (tracking and waypoints), {@link RouteHazards}
 * (people and obstacles) and {@link CommsLossResponse} (a silent operator). Mutable; the autonomy
 * thread only.
 */
public final class Mission {
  /** How the run reacts to comms loss; {@code radiusM} bounds return_along_breadcrumbs. */
  public record CommsLoss(CommsLossPolicy policy, double timeoutS, double radiusM) {
    public CommsLoss {
      if (!(timeoutS >= 0.5 && timeoutS <= 60)) {
        throw new IllegalArgumentException(
            "comms_loss.timeout_s: expected a number in [0.5, 60] s, got " + timeoutS);
      }
      if (!(radiusM >= 0 && radiusM <= 100)) {
        throw new IllegalArgumentException(
            "comms_loss.radius_m: expected a number in [0, 100] m, got " + radiusM);
      }
    }

    public static CommsLoss defaults() {
      return new CommsLoss(CommsLossPolicy.STOP_AND_WAIT, 2.0, 3.0);
    }
  }

  /** Gives up when the route stays blocked with no detour this long, s. */
  public static final double GIVE_UP_S = RouteHazards.GIVE_UP_S;

  private final Route route;
  private final RideProfile profile;
  private final CommsLoss commsLoss;
  private final int gaitIndex;
  private final RunOdometer odometer = new RunOdometer();
  private final RunIncidents log;
  private final RunTransitions run;
  private final RouteFollower follower;
  private final RouteHazards hazards;
  private final CommsLossResponse onCommsLoss;

  /**
   * @param gaitIndex the profile's gait in the controller's gait table (-1 keeps the current)
   * @param incidents receives what happens, on the autonomy thread
   */
  public Mission(
      Route route,
      RideProfile profile,
      CommsLoss commsLoss,
      int gaitIndex,
      Consumer<Incident> incidents) {
    this.route = route;
    this.profile = profile;
    this.commsLoss = commsLoss;
    this.gaitIndex = gaitIndex;
    this.log = new RunIncidents(incidents, odometer);
    this.run = new RunTransitions(log);
    this.follower = new RouteFollower(route, log, odometer.pose());
    this.hazards = new RouteHazards(log);
    this.onCommsLoss = new CommsLossResponse(commsLoss);
  }

  /** Starts at the route's first waypoint: the live odom pose is taken to be that pose. */
  public void anchorAtStart(double ox, double oy, double oyaw) {
    Waypoint a = route.waypoints().get(0);
    double yaw = 0;
    if (route.waypoints().size() > 1) {
      Waypoint b = route.waypoints().get(1);
      yaw = Math.atan2(b.y() - a.y(), b.x() - a.x());
    }
    if (!route.breadcrumbs().isEmpty()) {
      yaw = route.breadcrumbs().get(0).yaw();
    }
    odometer.anchor(ox, oy, oyaw, a.x(), a.y(), yaw);
  }

  /**
   * Continues a run saved before a restart: the live odom pose is taken to be the saved route pose
   * (the robot does not move while the process is down) and the run waits, interrupted.
   */
  public void restore(
      int nextWaypoint,
      double ox,
      double oy,
      double oyaw,
      double rx,
      double ry,
      double ryaw,
      double distanceM,
      double durationS) {
    odometer.anchor(ox, oy, oyaw, rx, ry, ryaw);
    odometer.restore(distanceM, durationS);
    follower.restore(nextWaypoint, rx, ry);
    run.interrupted();
  }

  public RunState state() {
    return run.state();
  }

  public Route route() {
    return route;
  }

  public RideProfile profile() {
    return profile;
  }

  public CommsLoss commsLoss() {
    return commsLoss;
  }

  /** Index of the next waypoint to reach (== size when all were reached). */
  public int nextWaypoint() {
    return follower.next();
  }

  public double distanceWalkedM() {
    return odometer.distanceM();
  }

  public double underWayS() {
    return odometer.underWayS();
  }

  /** Along the route still to go, m. */
  public double distanceLeftM() {
    return follower.distanceLeftM();
  }

  /** Estimated time to arrival at the profile's speed, s. */
  public double etaS() {
    return distanceLeftM() / (0.8 * profile.maxSpeedMps());
  }

  /** The robot's pose in the route frame after the last step (x, y, yaw), m and rad. */
  public double[] pose() {
    return odometer.pose();
  }

  public double speedMps() {
    return odometer.speedMps();
  }

  public long relocalisations() {
    return odometer.corrections();
  }

  /**
   * Perception's latest people and obstacle grid (base_link, at about the robot's current pose), or
   * null when not available; used by the next {@link #step}.
   */
  public void surroundings(PeopleZones people, HeightGrid grid) {
    hazards.surroundings(people, grid);
  }

  /**
   * Automatic pause (E-stop, lost lease): holds still. A run already holding keeps its reason, so a
   * hand pause stays one when an E-stop follows it.
   */
  public void pause(double tS, String why) {
    if (run.pause(why)) {
      follower.stop();
    }
  }

  /**
   * An operator's pause by hand: holds still, and only {@code client} or the run's supervisor may
   * resume it ({@link #pausedBy}). A hand pause of a run already holding for an automatic reason
   * turns it into a hand pause.
   */
  public void pauseBy(double tS, String client) {
    if (run.pauseBy(client)) {
      follower.stop();
    }
  }

  /** The client who paused the run by hand while it holds, else null (an automatic hold). */
  public String pausedBy() {
    return run.pausedBy();
  }

  /** Continues from a holding state; returns false (nothing changed) from any other. */
  public boolean resume(double tS, String who) {
    if (!run.state().holding()) {
      return false;
    }
    if (run.resumeTarget() == RunState.RUNNING) {
      follower.rejoin();
    }
    return run.resume(who);
  }

  public void abort(String who) {
    run.abort(who);
  }

  /** Walks back along the route to its start, then ends. */
  public void returnHome(String who) {
    if (run.state().finished()) {
      return;
    }
    follower.followHome();
    run.returnHome(who);
  }

  /**
   * One step.
   *
   * @param tS seconds on the autonomy clock
   * @param ox odom x, m; {@code oy}, {@code oyaw} likewise
   * @param seen markers in view now (may be empty)
   * @param commsAlive the dispatching operator was heard within the run's comms timeout
   * @param out filled with the command to send (mode, velocity, gait, body height)
   */
  public void step(
      double tS,
      double ox,
      double oy,
      double oyaw,
      List<MarkerSighting> seen,
      boolean commsAlive,
      MotionCommand out) {
    double dt = odometer.tick(tS);
    double moved = odometer.locate(ox, oy, oyaw);
    double c = odometer.correct(route, seen);
    if (c > 0.05) {
      log.add(
          "relocalised", String.format(Locale.ROOT, "odometry corrected by %.2f m on a marker", c));
    }
    RunState now = run.state();
    odometer.count(moved, dt, !now.finished() && !now.holding());
    if (!commsAlive) {
      onCommsLoss.onSilence(run, follower);
    }
    boolean moving = walk(tS, dt);
    out.requestedMode = moving ? Mode.WALKING : Mode.STANDING;
    out.vx = moving ? follower.vx() * hazards.speedScale() : 0;
    out.vy = 0;
    out.yawRate = moving ? follower.yawRate() * hazards.speedScale() : 0;
    out.gaitIndex = gaitIndex;
    out.bodyHeight = profile.bodyHeightM();
    out.estop = false;
    if (!moving) {
      follower.stop();
    }
  }

  /** The state's walk for this step; true when the robot is to move. */
  private boolean walk(double tS, double dt) {
    switch (run.state()) {
      case RUNNING:
        {
          RouteHazards.Verdict v = hazards.check(tS, follower, odometer.pose());
          if (v == RouteHazards.Verdict.GIVE_UP) {
            run.giveUp(hazards.gaveUpReason());
            return false;
          }
          if (v == RouteHazards.Verdict.HOLD) {
            return false; // a person on the path, or an obstacle with no way round yet
          }
          RouteFollower.Step s = follower.stepRunning(dt, profile);
          if (s == RouteFollower.Step.ARRIVED) {
            run.complete();
          }
          return s == RouteFollower.Step.MOVING;
        }
      case COMMS_LOST:
      case RETURNING_HOME:
        {
          boolean end = follower.stepSlice(dt, profile);
          if (run.state() == RunState.COMMS_LOST) {
            onCommsLoss.track(follower);
          }
          if (!end) {
            return true;
          }
          if (run.state() == RunState.RETURNING_HOME) {
            run.arriveHome();
          } else {
            run.policyDone();
          }
          return false;
        }
      default:
        return false;
    }
  }
}
