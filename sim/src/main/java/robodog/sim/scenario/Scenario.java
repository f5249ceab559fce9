package robodog.sim.scenario;

import java.util.List;
import robodog.sim.camera.Scene;
import robodog.sim.failure.LegFailure;
import robodog.sim.terrain.Terrain;

/**
 * A simulation scenario from {@code scenarios/*.yaml}: the world (terrain, start pose, payload),
 * what to command (gait, velocity profile, failed leg), how long, which seed, and the goal.
 * Immutable; any thread.
 *
 * @param name scenario name
 * @param description one line for people
 * @param terrain the ground, built fresh per run (seeded)
 * @param startX start position, m
 * @param startY m
 * @param startYawRad heading, rad
 * @param payloadKg payload mass, kg
 * @param payloadCom payload centre of mass in base_link, m (3 values)
 * @param durationS simulated duration, s
 * @param seed random seed
 * @param gait gait name (validated by the app against the gait table)
 * @param failedLeg short name of a failed leg, or null
 * @param commands piecewise-constant velocity profile, in time order
 * @param goalDistanceM distance along the start heading that completes the run, m; NaN = none
 * @param goalXM world x that completes the run when the body reaches it, m; NaN = none
 * @param scene what the simulated camera sees on the ground (markers, cases, cables, tripods,
 *     people); its cases, tripods and cables are also part of {@code terrain}'s physics world
 * @param legFailure a leg that breaks during the run (the world breaks; the controller is not
 *     told), or null
 */
public record Scenario(
    String name,
    String description,
    TerrainSpec terrain,
    double startX,
    double startY,
    double startYawRad,
    double payloadKg,
    List<Double> payloadCom,
    double durationS,
    long seed,
    String gait,
    String failedLeg,
    List<Segment> commands,
    double goalDistanceM,
    double goalXM,
    Scene scene,
    LegFailure legFailure) {

  /** The same scenario with {@code failure} breaking a leg (null: none), for sweeps and tests. */
  public Scenario withLegFailure(LegFailure failure) {
    return new Scenario(
        name,
        description,
        terrain,
        startX,
        startY,
        startYawRad,
        payloadKg,
        payloadCom,
        durationS,
        seed,
        gait,
        failedLeg,
        commands,
        goalDistanceM,
        goalXM,
        scene,
        failure);
  }

  /** True when the scenario has a goal ({@code goal.distance_m} or {@code goal.x_m}). */
  public boolean hasGoal() {
    return !Double.isNaN(goalDistanceM) || !Double.isNaN(goalXM);
  }

  /**
   * True when the run is complete by the goal: the body has travelled {@code alongHeadingM} m along
   * the start heading and is at world {@code bodyXM}. False without a goal.
   */
  public boolean goalReached(double alongHeadingM, double bodyXM) {
    return (!Double.isNaN(goalDistanceM) && alongHeadingM >= goalDistanceM)
        || (!Double.isNaN(goalXM) && bodyXM >= goalXM);
  }

  /**
   * One segment of the velocity profile, in force from {@code tS} until the next.
   *
   * @param tS start time, s
   * @param vx forward, m/s
   * @param vy leftward, m/s
   * @param yawRate rad/s
   * @param gait gait to switch to at tS, or null to keep
   */
  public record Segment(double tS, double vx, double vy, double yawRate, String gait) {}

  /** How to build the terrain; {@link #build(long)} makes a fresh instance. */
  public interface TerrainSpec {
    /** A new terrain for a run with this seed. */
    Terrain build(long seed);
  }

  /** The segment in force at time {@code t}, s. */
  public Segment segmentAt(double t) {
    Segment current = commands.get(0);
    for (int i = 1; i < commands.size(); i++) {
      if (commands.get(i).tS() <= t) {
        current = commands.get(i);
      }
    }
    return current;
  }
}
