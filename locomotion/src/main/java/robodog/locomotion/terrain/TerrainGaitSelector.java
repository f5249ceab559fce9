package robodog.locomotion.terrain;

import robodog.core.GroundCall;
import robodog.locomotion.gait.GaitLibrary;
import robodog.locomotion.gait.SpeedLimit;

/**
 * Picks the gait, step height and a speed ceiling from what the robot senses, when nobody chose a
 * gait: the ground the feet feel ({@link TerrainSense}), how fast they slide ({@link
 * SlipEstimator}), and whether the body is in trouble (tilt, sag). The rules, in order:
 *
 * <ol>
 *   <li><b>Recovering</b> (tilt beyond {@value #RECOVER_TILT_DEG}° from the commanded attitude, or
 *       the body sagging {@value #RECOVER_SAG_M} m below its commanded height): stop, step the feet
 *       back under the body in the wave gait for {@value #RECOVER_S} s, then go on as on steps.
 *       Each entry is counted.
 *   <li><b>Slippery</b> (slip above {@value #SLIP_MPS} m/s): the wave gait (five feet down) at
 *       {@value #SLIP_SCALE} of its top speed: a short stride and a slow one.
 *   <li><b>Steps</b> (the ground under the stance feet rose or fell {@value #CLIMB_M} m within a
 *       few seconds, or a touch-down {@value #STEPS_M} m off the plan): the wave gait and its high
 *       step.
 *   <li><b>Uneven</b> (a touch-down {@value #UNEVEN_M} m or more off): ripple with a {@value
 *       #UNEVEN_STEP_M} m step.
 *   <li><b>Smooth</b>: ripple, or tripod when the commanded speed is beyond ripple's reach.
 * </ol>
 *
 * With a camera, the terrain class ahead ({@link TerrainAhead}) sets the easiest call allowed, so
 * the gait changes before the feet arrive. A harder call takes effect at once; an easier one only
 * after {@value #CALM_S} s of walking without the harder one's cause, so the robot does not flicker
 * between gaits on a patchy surface. Gaits are found by name in the gait table (tripod, ripple,
 * wave); a table without one of them falls back to the rows by stability (duty factor).
 *
 * <p>Control thread only; allocation-free.
 */
public final class TerrainGaitSelector {
  static final double UNEVEN_M = 0.015;
  static final double STEPS_M = 0.028;
  static final double CLIMB_M = 0.009;
  static final double UNEVEN_STEP_M = 0.05;
  static final double SLIP_MPS = 0.08;
  static final double SLIP_SCALE = 0.7;
  static final double CALM_S = 3.0;
  static final double RECOVER_TILT_DEG = 20;
  static final double RECOVER_SAG_M = 0.035;
  static final double RECOVER_S = 3.0;

  private final GaitLibrary gaits;
  private final int tripod;
  private final int ripple;
  private final int wave;
  private final double rippleTop;
  private final double waveTop;
  private GroundCall call = GroundCall.SMOOTH;
  private double calm;
  private double recoverLeft;
  private long recoveries;
  private int gait;
  private double speedCeiling = Double.POSITIVE_INFINITY;
  private double stepHeight = Double.NaN;
  private GroundCall ahead = GroundCall.SMOOTH;

  /**
   * The easiest call the camera allows for the ground just ahead ({@link TerrainAhead}); applies
   * from the next {@link #update} until replaced.
   */
  public void setAhead(GroundCall floor) {
    this.ahead = floor;
  }

  /**
   * @param gaits the six-leg gait table (five-leg gaits are the fault planner's)
   */
  public TerrainGaitSelector(GaitLibrary gaits) {
    this.gaits = gaits;
    int rows = gaits.table().gaits().size();
    this.tripod = find(gaits, "tripod", 0);
    this.wave = find(gaits, "wave", rows - 1);
    this.ripple = find(gaits, "ripple", Math.min(rows - 1, Math.max(tripod, wave - 1)));
    double stride = gaits.table().maxStrideMeters();
    this.rippleTop = SpeedLimit.footSpeedLimit(gaits.get(ripple), stride);
    this.waveTop = SpeedLimit.footSpeedLimit(gaits.get(wave), stride);
    this.gait = ripple;
  }

  private static int find(GaitLibrary g, String name, int fallback) {
    int i = g.indexOf(name);
    return i >= 0 && i < g.table().gaits().size() ? i : fallback;
  }

  /**
   * One tick.
   *
   * @param walking true while the robot walks (the calm timer only runs then)
   * @param commandedSpeed the operator's forward speed magnitude, m/s
   * @param unevenness from {@link TerrainSense#unevenness}, m
   * @param climb from {@link TerrainSense#climb}, m
   * @param slip from {@link SlipEstimator#slip}, m/s
   * @param tiltErrorRad body attitude error (measured vs commanded, the larger of roll and pitch)
   * @param sagM commanded minus measured body height over the stance feet, m
   * @param dt tick, s
   */
  public void update(
      boolean walking,
      double commandedSpeed,
      double unevenness,
      double climb,
      double slip,
      double tiltErrorRad,
      double sagM,
      double dt) {
    GroundCall wanted = GroundCall.SMOOTH;
    if (walking
        && (Math.abs(tiltErrorRad) > Math.toRadians(RECOVER_TILT_DEG) || sagM > RECOVER_SAG_M)
        && call != GroundCall.RECOVERING) {
      call = GroundCall.RECOVERING;
      recoverLeft = RECOVER_S;
      recoveries++;
    }
    if (call == GroundCall.RECOVERING) {
      if (walking) {
        recoverLeft -= dt;
      }
      if (recoverLeft > 0) {
        apply(commandedSpeed);
        return;
      }
      call = GroundCall.STEPS;
      calm = 0;
    }
    if (slip > SLIP_MPS) {
      wanted = GroundCall.SLIPPERY;
    } else if (unevenness >= STEPS_M || Math.abs(climb) >= CLIMB_M) {
      wanted = GroundCall.STEPS;
    } else if (unevenness >= UNEVEN_M) {
      wanted = GroundCall.UNEVEN;
    }
    if (ahead.ordinal() > wanted.ordinal() && ahead != GroundCall.RECOVERING) {
      wanted = ahead;
    }
    if (wanted.ordinal() >= call.ordinal()) {
      call = wanted;
      calm = 0;
    } else if (walking) {
      calm += dt;
      if (calm >= CALM_S) {
        call = GroundCall.VALUES[call.ordinal() - 1];
        calm = 0;
      }
    }
    apply(commandedSpeed);
  }

  private void apply(double commandedSpeed) {
    switch (call) {
      case RECOVERING -> {
        gait = wave;
        speedCeiling = 0;
        stepHeight = Double.NaN;
      }
      case SLIPPERY -> {
        gait = wave;
        speedCeiling = SLIP_SCALE * waveTop;
        stepHeight = Double.NaN;
      }
      case STEPS -> {
        gait = wave;
        speedCeiling = Double.POSITIVE_INFINITY;
        stepHeight = Double.NaN;
      }
      case UNEVEN -> {
        gait = ripple;
        speedCeiling = Double.POSITIVE_INFINITY;
        stepHeight = UNEVEN_STEP_M;
      }
      default -> {
        gait = commandedSpeed > 0.95 * rippleTop ? tripod : ripple;
        speedCeiling = Double.POSITIVE_INFINITY;
        stepHeight = Double.NaN;
      }
    }
  }

  /** Gait-table row to walk, by index. */
  public int gaitIndex() {
    return gait;
  }

  /** Largest forward speed to allow, m/s (infinite: only the gait's own limit). */
  public double speedCeiling() {
    return speedCeiling;
  }

  /** Step height to use, m; NaN: the gait's own. */
  public double stepHeight() {
    return stepHeight;
  }

  /** The current call. */
  public GroundCall call() {
    return call;
  }

  /** Recoveries (stop, re-stand, go on) since start. */
  public long recoveries() {
    return recoveries;
  }

  /** Forgets the ground (power-on): smooth, nothing pending. Recoveries stay counted. */
  public void reset() {
    call = GroundCall.SMOOTH;
    calm = 0;
    recoverLeft = 0;
    apply(0);
  }

  /** The library the rows index (for names in telemetry). */
  public GaitLibrary gaits() {
    return gaits;
  }
}
