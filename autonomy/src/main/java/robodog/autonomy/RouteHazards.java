package robodog.autonomy;

import java.util.Locale;
import robodog.core.perception.HeightGrid;
import robodog.core.perception.PeopleZones;

/**
 * People and obstacles on a running route: the crew-safety speed scale from the people perception
 * sees, a hold while a person is on the path, a detour round an obstacle when a side is free, else
 * a wait, and giving up when the route stays blocked {@link #GIVE_UP_S}. Mutable; the autonomy
 * thread only.
 */
final class RouteHazards {
  /** Gives up when the route stays blocked with no detour this long, s. */
  static final double GIVE_UP_S = 20;

  /** What the run may do this step. */
  enum Verdict {
    /** Walk on (on a detour, when one was just started). */
    GO,
    /** Stand: a person on the path, or an obstacle with no way round yet. */
    HOLD,
    /** Blocked too long: the run ends ({@link #gaveUpReason}). */
    GIVE_UP
  }

  private final LocalNavigator nav = new LocalNavigator();
  private final RunIncidents log;
  private PeopleZones people;
  private HeightGrid grid;
  private boolean heldForPerson;
  private double blockedSince = Double.NaN;
  private double speedScale = 1;
  private String gaveUpReason;

  RouteHazards(RunIncidents log) {
    this.log = log;
  }

  /** Perception's latest people and obstacle grid (base_link), or null; used by the next check. */
  void surroundings(PeopleZones people, HeightGrid grid) {
    this.people = people;
    this.grid = grid;
  }

  /** The speed scale for people near the path, from the last {@link #check} (0..1). */
  double speedScale() {
    return speedScale;
  }

  /** Why the run gave up, after a {@link Verdict#GIVE_UP}. */
  String gaveUpReason() {
    return gaveUpReason;
  }

  /**
   * Looks ahead on the route from the robot's route pose; may start a detour on {@code route}.
   *
   * @param tS seconds on the autonomy clock
   */
  Verdict check(double tS, RouteFollower route, double[] pose) {
    speedScale = nav.peopleScale(people);
    // Hysteresis: once stopped for a person, wait until they are clearly further away (or gone),
    // rather than creeping up on them at the edge of the stop distance.
    if (speedScale <= 0 || (heldForPerson && speedScale < 0.5)) {
      if (!heldForPerson) {
        heldForPerson = true;
        log.add("person", "stopped: a person on the path");
      }
      return Verdict.HOLD;
    }
    if (heldForPerson) {
      heldForPerson = false;
      log.add("person_clear", "the path is clear again");
    }
    if (route.onDetour()) {
      return Verdict.GO;
    }
    Polyline path = route.path();
    double progress = route.mainProgress();
    double sObs = nav.obstacleAhead(path, progress, pose, grid);
    if (Double.isNaN(sObs)) {
      blockedSince = Double.NaN;
      return Verdict.GO;
    }
    Polyline d = nav.detour(path, sObs, pose, grid);
    if (d != null) {
      route.startDetour(d);
      blockedSince = Double.NaN;
      log.add(
          "detour",
          String.format(
              Locale.ROOT,
              "obstacle on the route %.2f m ahead: passing it %.2f m to the %s",
              sObs - progress,
              Math.abs(d.y(1) - pose[1]),
              sideOf(d, pose) > 0 ? "left" : "right"));
      return Verdict.GO;
    }
    if (Double.isNaN(blockedSince)) {
      blockedSince = tS;
      log.add(
          "blocked",
          String.format(
              Locale.ROOT,
              "obstacle on the route %.2f m ahead and no free side; waiting",
              sObs - progress));
    } else if (tS - blockedSince > GIVE_UP_S) {
      gaveUpReason =
          String.format(
              Locale.ROOT,
              "route blocked %.2f m ahead for %.0f s with no free detour within 0.7 m either side",
              sObs - progress,
              GIVE_UP_S);
      return Verdict.GIVE_UP;
    }
    return Verdict.HOLD;
  }

  /** Sign of the detour's side point relative to the robot's heading (+ left). */
  private static double sideOf(Polyline d, double[] pose) {
    double dx = d.x(1) - pose[0];
    double dy = d.y(1) - pose[1];
    return -Math.sin(pose[2]) * dx + Math.cos(pose[2]) * dy;
  }
}
