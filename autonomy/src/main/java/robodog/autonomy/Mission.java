package robodog.autonomy;

import java.util.List;
import java.util.function.Consumer;
import robodog.autonomy.store.Incident;
import robodog.core.Mode;
import robodog.core.MotionCommand;

/**
 * One run of a route: the state machine and the tracker, stepped at about 20 Hz with the odometry
 * pose; fills a {@link MotionCommand} for the controller. Knows nothing of MQTT or the database:
 * {@link MissionService} wires those. Mutable; the autonomy thread only.
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

  private final Route route;
  private final Polyline path;
  private final RideProfile profile;
  private final CommsLoss commsLoss;
  private final int gaitIndex;
  private final Consumer<Incident> incidents;
  private final PurePursuit tracker = new PurePursuit(0.35);
  private final Relocaliser reloc = new Relocaliser();
  private final double[] pose = new double[3];
  private RunState state = RunState.RUNNING;
  private RunState resumeTo = RunState.RUNNING;
  // Who paused the run by hand (cmd/mission pause); null when the run holds for an automatic
  // reason (E-stop, lease taken, comms loss, restart), which anyone the lease rules allow resumes.
  private String pausedBy;
  private int next = 1;
  private double distance;
  private double underWayS;
  private double lastT = Double.NaN;
  private double lastX = Double.NaN;
  private double lastY;
  private double speed;
  private double lastStepT;
  private double commsLostAtProgress;
  private final LocalNavigator nav = new LocalNavigator();
  private robodog.core.perception.PeopleZones people;
  private robodog.core.perception.HeightGrid grid;
  private Polyline detour;
  private boolean heldForPerson;
  private double blockedSince = Double.NaN;
  private double speedScale = 1;

  /** Gives up when the route stays blocked with no detour this long, s. */
  public static final double GIVE_UP_S = 20;

  /** Progress along the route itself (the tracker may be on a detour such as a return). */
  private double mainProgress;

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
    this.path = Polyline.of(route.waypoints());
    this.profile = profile;
    this.commsLoss = commsLoss;
    this.gaitIndex = gaitIndex;
    this.incidents = incidents;
    tracker.follow(path, route.waypoints().get(0).x(), route.waypoints().get(0).y());
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
    reloc.anchor(ox, oy, oyaw, a.x(), a.y(), yaw);
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
    reloc.anchor(ox, oy, oyaw, rx, ry, ryaw);
    next = Math.max(1, Math.min(route.waypoints().size(), nextWaypoint));
    distance = distanceM;
    underWayS = durationS;
    mainProgress = path.sAt(next - 1);
    tracker.follow(path, rx, ry, mainProgress);
    mainProgress = tracker.progress();
    state = RunState.INTERRUPTED;
  }

  public RunState state() {
    return state;
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
    return next;
  }

  public double distanceWalkedM() {
    return distance;
  }

  public double underWayS() {
    return underWayS;
  }

  /** Along the route still to go, m. */
  public double distanceLeftM() {
    return Math.max(0, path.length() - mainProgress);
  }

  /** Estimated time to arrival at the profile's speed, s. */
  public double etaS() {
    return distanceLeftM() / (0.8 * profile.maxSpeedMps());
  }

  /** The robot's pose in the route frame after the last step (x, y, yaw), m and rad. */
  public double[] pose() {
    return pose;
  }

  public double speedMps() {
    return speed;
  }

  public long relocalisations() {
    return reloc.corrections();
  }

  /**
   * Perception's latest people and obstacle grid (base_link, at about the robot's current pose), or
   * null when not available; used by the next {@link #step}.
   */
  public void surroundings(
      robodog.core.perception.PeopleZones people, robodog.core.perception.HeightGrid grid) {
    this.people = people;
    this.grid = grid;
  }

  /**
   * Automatic pause (E-stop, lost lease): holds still. A run already holding keeps its reason, so a
   * hand pause stays one when an E-stop follows it.
   */
  public void pause(double tS, String why) {
    if (state.finished() || state.holding()) {
      return;
    }
    pausedBy = null;
    resumeTo = state == RunState.RETURNING_HOME ? RunState.RETURNING_HOME : RunState.RUNNING;
    state = RunState.PAUSED;
    tracker.resetSpeed();
    incidents.accept(new Incident(underWayS, "paused", why));
  }

  /**
   * An operator's pause by hand: holds still, and only {@code client} or the run's supervisor may
   * resume it ({@link #pausedBy}). A hand pause of a run already holding for an automatic reason
   * turns it into a hand pause.
   */
  public void pauseBy(double tS, String client) {
    if (state.finished()) {
      return;
    }
    if (state.holding()) {
      if (pausedBy == null) {
        pausedBy = client;
        incidents.accept(new Incident(underWayS, "paused", "by " + client));
      }
      return;
    }
    pause(tS, "by " + client);
    pausedBy = client;
  }

  /** The client who paused the run by hand while it holds, else null (an automatic hold). */
  public String pausedBy() {
    return state.holding() ? pausedBy : null;
  }

  /** Continues from a holding state; returns false (nothing changed) from any other. */
  public boolean resume(double tS, String who) {
    if (!state.holding()) {
      return false;
    }
    RunState to = state == RunState.INTERRUPTED ? RunState.RUNNING : resumeTo;
    if (to == RunState.RUNNING) {
      tracker.follow(path, pose[0], pose[1], mainProgress);
    }
    state = to;
    pausedBy = null;
    incidents.accept(new Incident(underWayS, "resumed", "by " + who));
    return true;
  }

  public void abort(String who) {
    if (state.finished()) {
      return;
    }
    state = RunState.ABORTED;
    incidents.accept(new Incident(underWayS, "aborted", "by " + who));
  }

  /** Walks back along the route to its start, then ends. */
  public void returnHome(String who) {
    if (state.finished()) {
      return;
    }
    tracker.follow(path.slice(mainProgress, 0), pose[0], pose[1]);
    pausedBy = null;
    state = RunState.RETURNING_HOME;
    resumeTo = RunState.RETURNING_HOME;
    incidents.accept(new Incident(underWayS, "return_home", "by " + who));
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
    double dt = Double.isNaN(lastT) ? 0 : Math.max(0, Math.min(0.5, tS - lastT));
    lastT = tS;
    reloc.toRoute(ox, oy, oyaw, pose);
    double moved = 0;
    if (!Double.isNaN(lastX)) {
      moved = Math.hypot(pose[0] - lastX, pose[1] - lastY);
    }
    if (!seen.isEmpty()) {
      double c = reloc.observe(route, pose, seen);
      if (c > 0.05) {
        incidents.accept(
            new Incident(
                underWayS,
                "relocalised",
                String.format(
                    java.util.Locale.ROOT, "odometry corrected by %.2f m on a marker", c)));
      }
    }
    if (!state.finished() && !state.holding()) {
      distance += moved;
      underWayS += dt;
    }
    speed = dt > 0 ? moved / dt : 0;
    lastX = pose[0];
    lastY = pose[1];
    lastStepT = tS;

    if (!commsAlive && state == RunState.RETURNING_HOME) {
      // Already heading to safety; stop rather than improvise, resume continues home.
      state = RunState.WAITING;
      resumeTo = RunState.RETURNING_HOME;
      incidents.accept(new Incident(underWayS, "comms_lost", "stopped while returning home"));
    }
    if (!commsAlive && state == RunState.RUNNING) {
      state = RunState.COMMS_LOST;
      resumeTo = RunState.RUNNING;
      commsLostAtProgress = mainProgress;
      incidents.accept(new Incident(underWayS, "comms_lost", commsLoss.policy().wireName()));
      switch (commsLoss.policy()) {
        case STOP_AND_WAIT:
          state = RunState.WAITING;
          tracker.resetSpeed();
          break;
        case CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT:
          if (next >= route.waypoints().size()) {
            state = RunState.WAITING;
          } else {
            tracker.follow(path.slice(mainProgress, path.sAt(next)), pose[0], pose[1]);
          }
          break;
        default:
          {
            double back = Math.max(0, commsLostAtProgress - commsLoss.radiusM());
            tracker.follow(path.slice(commsLostAtProgress, back), pose[0], pose[1]);
            break;
          }
      }
    }

    boolean moving = false;
    switch (state) {
      case RUNNING:
        {
          if (!localNavigation(tS, dt)) {
            break; // held for a person or an obstacle, or gave up
          }
          if (detour != null) {
            boolean end = tracker.step(pose[0], pose[1], pose[2], dt, profile, 0.1);
            mainProgress =
                path.project(
                    pose[0], pose[1], mainProgress, Math.min(path.length(), mainProgress + 1.5));
            advanceWaypoints();
            if (end) {
              detour = null;
              tracker.follow(path, pose[0], pose[1], mainProgress);
              incidents.accept(new Incident(underWayS, "rejoined", "back on the route"));
            }
            moving = !end;
            break;
          }
          boolean end =
              tracker.step(
                  pose[0],
                  pose[1],
                  pose[2],
                  dt,
                  profile,
                  route.waypoints().get(route.waypoints().size() - 1).toleranceM() * 0.5);
          mainProgress = tracker.progress();
          advanceWaypoints();
          if (end && next >= route.waypoints().size()) {
            state = RunState.COMPLETED;
          } else {
            moving = true;
          }
          break;
        }
      case COMMS_LOST:
      case RETURNING_HOME:
        {
          boolean end = tracker.step(pose[0], pose[1], pose[2], dt, profile, 0.1);
          if (state == RunState.COMMS_LOST) {
            if (commsLoss.policy() == CommsLossPolicy.CONTINUE_TO_NEXT_WAYPOINT_AND_WAIT) {
              mainProgress = commsLostAtProgress + tracker.progress();
              advanceWaypoints();
            } else {
              mainProgress = commsLostAtProgress - tracker.progress();
            }
          }
          if (end) {
            if (state == RunState.RETURNING_HOME) {
              state = RunState.ENDED;
              incidents.accept(new Incident(underWayS, "home", "returned to the route start"));
            } else {
              state = RunState.WAITING;
              incidents.accept(new Incident(underWayS, "waiting", "comms-loss policy done"));
            }
          } else {
            moving = true;
          }
          break;
        }
      default:
        break;
    }
    out.requestedMode = moving ? Mode.WALKING : Mode.STANDING;
    out.vx = moving ? tracker.vx * speedScale : 0;
    out.vy = 0;
    out.yawRate = moving ? tracker.yawRate * speedScale : 0;
    out.gaitIndex = gaitIndex;
    out.bodyHeight = profile.bodyHeightM();
    out.estop = false;
    if (!moving) {
      tracker.resetSpeed();
    }
  }

  /**
   * People and obstacles: sets {@link #speedScale}; returns false when the robot must hold (a
   * person on the path, an obstacle with no detour) or gave up; may start a detour.
   */
  private boolean localNavigation(double tS, double dt) {
    speedScale = nav.peopleScale(people);
    // Hysteresis: once stopped for a person, wait until they are clearly further away (or gone),
    // rather than creeping up on them at the edge of the stop distance.
    if (speedScale <= 0 || (heldForPerson && speedScale < 0.5)) {
      if (!heldForPerson) {
        heldForPerson = true;
        incidents.accept(new Incident(underWayS, "person", "stopped: a person on the path"));
      }
      return false;
    }
    if (heldForPerson) {
      heldForPerson = false;
      incidents.accept(new Incident(underWayS, "person_clear", "the path is clear again"));
    }
    if (detour != null) {
      return true;
    }
    double sObs = nav.obstacleAhead(path, mainProgress, pose, grid);
    if (Double.isNaN(sObs)) {
      blockedSince = Double.NaN;
      return true;
    }
    Polyline d = nav.detour(path, sObs, pose, grid);
    if (d != null) {
      detour = d;
      blockedSince = Double.NaN;
      tracker.follow(d, pose[0], pose[1]);
      incidents.accept(
          new Incident(
              underWayS,
              "detour",
              String.format(
                  java.util.Locale.ROOT,
                  "obstacle on the route %.2f m ahead: passing it %.2f m to the %s",
                  sObs - mainProgress,
                  Math.abs(d.y(1) - pose[1]),
                  sideOf(d) > 0 ? "left" : "right")));
      return true;
    }
    if (Double.isNaN(blockedSince)) {
      blockedSince = tS;
      incidents.accept(
          new Incident(
              underWayS,
              "blocked",
              String.format(
                  java.util.Locale.ROOT,
                  "obstacle on the route %.2f m ahead and no free side; waiting",
                  sObs - mainProgress)));
    } else if (tS - blockedSince > GIVE_UP_S) {
      state = RunState.ENDED;
      incidents.accept(
          new Incident(
              underWayS,
              "gave_up",
              String.format(
                  java.util.Locale.ROOT,
                  "route blocked %.2f m ahead for %.0f s with no free detour within 0.7 m either side",
                  sObs - mainProgress,
                  GIVE_UP_S)));
    }
    return false;
  }

  /** Sign of the detour's side point relative to the robot's heading (+ left). */
  private double sideOf(Polyline d) {
    double dx = d.x(1) - pose[0];
    double dy = d.y(1) - pose[1];
    return -Math.sin(pose[2]) * dx + Math.cos(pose[2]) * dy;
  }

  private void advanceWaypoints() {
    while (next < route.waypoints().size()) {
      Waypoint w = route.waypoints().get(next);
      double d = Math.hypot(w.x() - pose[0], w.y() - pose[1]);
      if (d <= w.toleranceM()) {
        incidents.accept(
            new Incident(
                underWayS,
                "waypoint",
                "reached " + next + String.format(java.util.Locale.ROOT, " (%.2f m off)", d)));
        next++;
      } else if (tracker.path() == path && tracker.progress() > path.sAt(next) + w.toleranceM()) {
        incidents.accept(
            new Incident(
                underWayS,
                "missed_waypoint",
                "passed " + next + String.format(java.util.Locale.ROOT, " %.2f m off", d)));
        next++;
      } else {
        break;
      }
    }
  }
}
