package robodog.locomotion;

import robodog.core.JointKind;
import robodog.core.LegId;
import robodog.core.RobotState;
import robodog.locomotion.body.MotionFilter;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.StepPlanner;
import robodog.locomotion.kinematics.LegKinematics;
import robodog.locomotion.terrain.SlipEstimator;
import robodog.locomotion.terrain.TerrainGaitSelector;
import robodog.locomotion.terrain.TerrainSense;

/**
 * The controller's sense of the ground, one update per tick: touch-down heights, slip, body tilt
 * and sag (measured joint angles through forward kinematics against the commanded height), fed to
 * the {@link TerrainGaitSelector}. Runs whether or not the operator chose a gait, so telemetry
 * always says what the robot feels; only the gait choice is skipped when someone chose one.
 *
 * <p>Control thread only; allocation-free.
 */
final class GroundAdaptation {
  private final TerrainSense sense = new TerrainSense();
  private final robodog.locomotion.terrain.TerrainAhead ahead =
      new robodog.locomotion.terrain.TerrainAhead();
  private final SlipEstimator slip;
  private final TerrainGaitSelector selector;
  private final LegKinematics[] legs;
  private final double footRadius;
  private final double[] foot = new double[3];
  private double sag;
  private double tilt;

  GroundAdaptation(GaitLibrary gaits, LegKinematics[] legs, double footRadius, double lever) {
    this.selector = new TerrainGaitSelector(gaits);
    this.slip = new SlipEstimator(lever);
    this.legs = legs;
    this.footRadius = footRadius;
  }

  /**
   * One tick, after the motion filter has stepped.
   *
   * @param walking walking and allowed to move (not stopping)
   * @param choosing the robot chooses its own gait (nobody chose one): only then may a recovery
   *     start, since only then does the controller act on it
   * @param commandedSpeed the command's forward speed magnitude, m/s
   * @param levelRoll body roll the controller is holding relative to gravity, rad
   * @param levelPitch same, pitch
   */
  void update(
      RobotState state,
      StepPlanner planner,
      MotionFilter filter,
      long nowNanos,
      boolean walking,
      boolean choosing,
      double commandedSpeed,
      double levelRoll,
      double levelPitch,
      double dt) {
    boolean real = state.contactsValid;
    sense.update(planner, walking, dt);
    int stance = 0;
    double heightSum = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (planner.isFailed(i) || planner.isSwinging(i) || (real && !state.footContact[i])) {
        continue;
      }
      legs[i].forward(state.jointPosition, i * JointKind.COUNT, foot, 0);
      // The foot-sphere centre is one radius above the ground it stands on.
      heightSum += -foot[2] + footRadius;
      stance++;
    }
    sag = real && stance >= 3 ? filter.pose.height - heightSum / stance : 0;
    tilt =
        real
            ? Math.max(
                Math.abs(state.imuRoll() - levelRoll), Math.abs(state.imuPitch() - levelPitch))
            : 0;
    if (real) {
      slip.update(
          state.imuOrientation,
          state.imuLinearAcceleration,
          state.imuAngularVelocity[2],
          filter.vx,
          filter.vy,
          filter.wz,
          walking && stance >= 3,
          dt);
    }
    selector.setAhead(ahead.update(nowNanos));
    selector.update(
        walking && choosing,
        commandedSpeed,
        sense.unevenness(),
        sense.climb(),
        real ? slip.slip() : 0,
        tilt,
        sag,
        dt);
  }

  /**
   * Connects perception's terrain class and height-grid summary of the ground ahead; before the
   * loop starts.
   */
  void connectAhead(
      robodog.core.Mailbox<robodog.core.perception.TerrainEstimate> m,
      robodog.core.Mailbox<robodog.core.perception.GroundAhead> grid,
      double s) {
    ahead.connect(m, s);
    ahead.connectGrid(grid);
  }

  /** The camera's latest terrain class ahead, or null. */
  String aheadClass() {
    return ahead.className();
  }

  /** Writes what the robot feels of the ground into {@code t}; {@code auto}: its own gait. */
  void toPack(robodog.core.Telemetry t, boolean auto) {
    t.groundCall = selector.call();
    t.gaitAuto = auto;
    t.slipMps = slip.slip();
    t.unevennessM = sense.unevenness();
    t.climbM = sense.climb();
    t.bodySagM = sag;
    t.recoveries = selector.recoveries();
    t.terrainAhead = ahead.className();
  }

  /** Forgets the ground (power-on). */
  void reset() {
    sense.reset();
    slip.reset();
    selector.reset();
  }

  TerrainGaitSelector selector() {
    return selector;
  }

  TerrainSense sense() {
    return sense;
  }

  double slip() {
    return slip.slip();
  }

  double sag() {
    return sag;
  }

  double tilt() {
    return tilt;
  }
}
