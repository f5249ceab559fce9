package robodog.locomotion.health;

/**
 * The check a leg goes through when one of its joints stopped following its target while torque
 * held it: the leg is folded (lifted clear of the ground and of whatever it pressed against) and
 * the suspect joint is driven through at least {@value #TEST_PATH_RAD} rad in the air. A broken
 * joint (stuck servo, jammed gear, a limp joint resting on its stop) still does not follow; a sound
 * joint that was only obstructed (a foot on top of a case, a femur pressed against a ridge) does.
 * The difference matters: a broken leg stays folded until the next power-on, an obstructed one
 * walks again a second later.
 *
 * <p>The suspect joint's test target is its fold angle, unless the joint already stood within
 * {@value #TEST_PATH_RAD} rad of it; then it is {@value #TEST_PATH_RAD} rad from where it stood,
 * toward the middle of its range (so the test never drives a joint into its stop). The verdict
 * comes {@value #SETTLE_S} s after the sent target reached the test target: sound when the joint is
 * then within {@value #SOUND_ERROR_RAD} rad of it and has covered {@value #SOUND_FRACTION} of the
 * path; broken otherwise, and broken after {@value #TIMEOUT_S} s without a verdict.
 *
 * <p>Control thread only; allocation-free.
 */
final class AirCheck {
  /** Least path the suspect joint is driven through, rad. */
  static final double TEST_PATH_RAD = 0.3;

  /** Time after the target arrived before the verdict, s (the servo lags 0.14 rad at speed). */
  static final double SETTLE_S = 0.3;

  /** Longest test, s. */
  static final double TIMEOUT_S = 1.5;

  /** Error from the test target a sound joint ends within, rad. */
  static final double SOUND_ERROR_RAD = 0.1;

  /** Share of the test path a sound joint covers. */
  static final double SOUND_FRACTION = 0.6;

  private static final double ARRIVED_RAD = 1e-3;
  private static final double LIMIT_MARGIN_RAD = 0.05;

  /** Where a test stands. */
  enum Verdict {
    RUNNING,
    SOUND,
    BROKEN
  }

  private int joint = -1;
  private double fromRad;
  private double targetRad;
  private double elapsedS;
  private double settledS;

  /**
   * Starts testing {@code joint}, which stood at {@code measuredRad} when it was suspected.
   *
   * @param foldRad the joint's angle in the folded pose, rad
   * @param minRad the joint's lower limit, rad
   * @param maxRad the joint's upper limit, rad
   */
  void start(int joint, double measuredRad, double foldRad, double minRad, double maxRad) {
    this.joint = joint;
    fromRad = measuredRad;
    double target = foldRad;
    if (Math.abs(foldRad - measuredRad) < TEST_PATH_RAD) {
      double toward = measuredRad < 0.5 * (minRad + maxRad) ? 1 : -1;
      target = measuredRad + toward * TEST_PATH_RAD;
    }
    targetRad = Math.max(minRad + LIMIT_MARGIN_RAD, Math.min(maxRad - LIMIT_MARGIN_RAD, target));
    elapsedS = 0;
    settledS = 0;
  }

  /** True between {@link #start} and a verdict. */
  boolean running() {
    return joint >= 0;
  }

  /** Joint index under test, or -1. */
  int joint() {
    return joint;
  }

  /** The suspect joint's target while testing, rad (meaningless when not running). */
  double targetRad() {
    return targetRad;
  }

  /**
   * One tick of the test.
   *
   * @param sentRad the target the servo held during the last period, rad
   * @param measuredRad the joint's measured angle, rad
   */
  Verdict update(double dt, double sentRad, double measuredRad) {
    if (joint < 0) {
      return Verdict.RUNNING;
    }
    elapsedS += dt;
    if (Math.abs(sentRad - targetRad) <= ARRIVED_RAD) {
      settledS += dt;
    }
    Verdict v = Verdict.RUNNING;
    if (settledS >= SETTLE_S) {
      double path = Math.abs(targetRad - fromRad);
      boolean near = Math.abs(measuredRad - targetRad) <= SOUND_ERROR_RAD;
      boolean moved = Math.abs(measuredRad - fromRad) >= SOUND_FRACTION * path;
      v = near && moved ? Verdict.SOUND : Verdict.BROKEN;
    } else if (elapsedS >= TIMEOUT_S) {
      v = Verdict.BROKEN;
    }
    if (v != Verdict.RUNNING) {
      joint = -1;
    }
    return v;
  }

  /** Abandons a test (the detection was cleared). */
  void stop() {
    joint = -1;
  }
}
