package robodog.locomotion.terrain;

import robodog.core.GroundCall;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.SpeedLimit;

/**
 * The safe set a gait advisor (the learned terrain policy) may choose from while the robot picks
 * its own gait: what the {@link TerrainGaitSelector}'s call leaves open. Obedience is a hard rule
 * here, not a reward term: whatever the advisor asks, the controller lays only the part of it that
 * lies inside these bounds.
 *
 * <ul>
 *   <li><b>Speed</b>: a scale of at most {@value #MAX_SPEED_SCALE} on the command's velocity, so
 *       the robot never walks faster than the operator, mission or script asked.
 *   <li><b>Gait</b>, by the selector's call: on {@link GroundCall#STEPS}, {@link
 *       GroundCall#SLIPPERY} and {@link GroundCall#RECOVERING} only the selector's own gait (the
 *       wave gait); on {@link GroundCall#UNEVEN} the selector's gait or one with more feet down
 *       (higher duty factor) and no higher top speed (ripple or wave); on {@link GroundCall#SMOOTH}
 *       the selector's gait or any whose top foot speed is no higher (ripple, tetrapod, wave while
 *       the selector walks ripple). Never a gait faster than the selector's own, never a five-leg
 *       row.
 *   <li><b>Step height</b>: never lower than the selector's step (its uneven-ground step, or on
 *       steps and worse the walked gait's own high step); only on smooth ground may it go down to
 *       {@value #MIN_STEP_M} m; never higher than the walked gait's own step or the selector's,
 *       whichever is higher.
 *   <li><b>Body height</b>: within {@value #BODY_DELTA_M} m of the neutral height on smooth and
 *       uneven ground; on steps and worse the neutral height, which the selector measures sag
 *       against.
 * </ul>
 *
 * An explicit gait (the operator's, a mission's ride profile, a scenario's, {@code --gait}) is not
 * the selector's choice: the controller lays nothing of the advisor's over it (see {@code
 * CommandInputs}).
 *
 * <p>Pure, allocation-free; any thread.
 */
public final class AdvisorBounds {
  /** Largest factor on the commanded velocity: 1, never faster than commanded. */
  public static final double MAX_SPEED_SCALE = 1.0;

  /** Lowest step height on smooth ground, m: the swing still clears pebbles and seams. */
  public static final double MIN_STEP_M = 0.02;

  /** Largest body height change from neutral, m (smooth and uneven ground only). */
  public static final double BODY_DELTA_M = 0.02;

  private final GaitLibrary gaits;
  private final int rows;
  private final double neutralBodyHeight;
  private final double[] topSpeed;

  /**
   * @param gaits the controller's gait library (only its table's six-leg rows may be chosen)
   * @param neutralBodyHeightM the configured standing body height, m
   */
  public AdvisorBounds(GaitLibrary gaits, double neutralBodyHeightM) {
    this.gaits = gaits;
    this.rows = gaits.table().gaits().size();
    this.neutralBodyHeight = neutralBodyHeightM;
    this.topSpeed = new double[rows];
    double stride = gaits.table().maxStrideMeters();
    for (int i = 0; i < rows; i++) {
      topSpeed[i] = SpeedLimit.footSpeedLimit(gaits.get(i), stride);
    }
  }

  /** The advisor's speed scale as laid: at most {@value #MAX_SPEED_SCALE}. */
  public static double speedScale(double wished) {
    return Math.min(MAX_SPEED_SCALE, wished);
  }

  /**
   * True when gait row {@code wished} is in the safe set of {@code call} with the selector walking
   * row {@code selectorGait}.
   */
  public boolean gaitAllowed(GroundCall call, int selectorGait, int wished) {
    if (wished == selectorGait) {
      return true;
    }
    if (wished < 0 || wished >= rows || selectorGait < 0 || selectorGait >= rows) {
      return false;
    }
    boolean noFaster = topSpeed[wished] <= topSpeed[selectorGait];
    return switch (call) {
      case SMOOTH -> noFaster;
      case UNEVEN ->
          noFaster && gaits.get(wished).dutyFactor() > gaits.get(selectorGait).dutyFactor();
      default -> false;
    };
  }

  /** The gait to walk: {@code wished} when allowed, else (or for -1) the selector's own. */
  public int gait(GroundCall call, int selectorGait, int wished) {
    return wished >= 0 && gaitAllowed(call, selectorGait, wished) ? wished : selectorGait;
  }

  /**
   * The step height to walk, m, or NaN (the selector's own) when the advisor names none.
   *
   * @param selectorStepM the selector's step height, NaN for the gait's own
   * @param walkedGait the gait row that will be walked ({@link #gait})
   */
  public double stepHeight(GroundCall call, double selectorStepM, int walkedGait, double wishedM) {
    if (Double.isNaN(wishedM)) {
      return Double.NaN;
    }
    double own = gaits.get(walkedGait).stepHeightMeters();
    double floor;
    if (!Double.isNaN(selectorStepM)) {
      floor = selectorStepM;
    } else {
      floor = call == GroundCall.SMOOTH ? Math.min(MIN_STEP_M, own) : own;
    }
    double ceiling = Math.max(floor, own);
    return Math.max(floor, Math.min(ceiling, wishedM));
  }

  /** The body height to hold, m, or NaN (the neutral height). */
  public double bodyHeight(GroundCall call, double wishedM) {
    if (Double.isNaN(wishedM) || (call != GroundCall.SMOOTH && call != GroundCall.UNEVEN)) {
      return Double.NaN;
    }
    return Math.max(
        neutralBodyHeight - BODY_DELTA_M, Math.min(neutralBodyHeight + BODY_DELTA_M, wishedM));
  }
}
