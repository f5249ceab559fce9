package robodog.locomotion.gait;

import robodog.core.LegId;
import robodog.locomotion.stability.StabilityMargin;

/**
 * Moves the six feet in the walking frame: stance feet slide back exactly as the ground moves under
 * the body, swing feet follow {@link SwingProfile} to a touch-down point placed so that the next
 * stance is centred on the neutral foothold (Raibert's rule without the velocity-error term, which
 * a statically stable walker does not need).
 *
 * <p><b>The walking frame</b> is fixed to the body's nominal pose: origin on the ground under
 * {@code base_link}, z up, yawing with the body. Stance feet are at z = 0. Body pose offsets
 * (height, roll, pitch, yaw, shift) are applied later, so they never disturb the footholds.
 *
 * <p><b>Phase-continuous gait hand-over.</b> A gait's global phase runs continuously; a leg lifts
 * when the phase passes its offset (an edge, never a level), and a swing, once started, finishes
 * with its own duration. Changing the gait row mid-walk therefore never cuts a swing short or
 * teleports a foot: stance legs simply wait for their next edge in the new pattern. Two guards hold
 * a lift-off back: a minimum stance time, and the stability margin of the feet that would remain
 * (the lift is deferred and counted, never skipped).
 *
 * <p>Allocation-free. Control thread only.
 */
public final class StepPlanner {
  private static final double MIN_STANCE_FRACTION = 0.5;
  private static final double MIN_SWING_FRACTION = 0.6;
  private static final double LIFT_FRACTION = 0.15; // of a swing spent lifting before moving on
  private static final double SEARCH_SPEED = 0.15; // m/s, foot reaching down for missing ground
  // The first few millimetres below the planned landing height are searched slowly. Contact is
  // sensed at the real foot, which lags the commanded one by about speed × the servo's response
  // time (~25 ms), so the foot is left commanded that far below the ground it found: at 0.15 m/s
  // 2-5 mm, which lifted the body off the other feet (after a stop the robot stood on one tripod)
  // and moved the ground estimate down by as much at every step. Ground within this band is
  // where a swing on even ground ends (tracking lag, sag), and at the slow speed the overshoot is
  // ~0.5 mm, inside the servos' dead band.
  private static final double NEAR_SEARCH_M = 0.005;
  private static final double NEAR_SEARCH_SPEED = 0.02; // m/s
  private static final double MAX_SEARCH = 0.08; // m below the planned landing height
  private static final double GROUND_RATE = 0.1; // m/s, how fast the ground estimate may move

  /** Foot position (m) and velocity (m/s) in the walking frame, by leg ordinal. */
  public final double[] footX = new double[LegId.COUNT];

  public final double[] footY = new double[LegId.COUNT];
  public final double[] footZ = new double[LegId.COUNT];
  private final double[] footVx = new double[LegId.COUNT];
  private final double[] footVy = new double[LegId.COUNT];

  /** Neutral foothold (m) in the walking frame, by leg ordinal. */
  public final double[] neutralX = new double[LegId.COUNT];

  public final double[] neutralY = new double[LegId.COUNT];

  private final boolean[] swinging = new boolean[LegId.COUNT];
  private final boolean[] pending = new boolean[LegId.COUNT];
  private final boolean[] failed = new boolean[LegId.COUNT];
  private final boolean[] deferred = new boolean[LegId.COUNT];
  private final double[] swingElapsed = new double[LegId.COUNT];
  private final double[] swingDuration = new double[LegId.COUNT];
  private final double[] stanceElapsed = new double[LegId.COUNT];
  private final double[] liftZ = new double[LegId.COUNT];
  private final double[] swingHalfStance = new double[LegId.COUNT];
  private final double[] landZ = new double[LegId.COUNT];
  private final boolean[] searching = new boolean[LegId.COUNT];
  private boolean[] contact = new boolean[LegId.COUNT];
  private boolean contactsValid;
  private double groundZ;
  private final StabilityMargin margin = new StabilityMargin();
  private final double maxStride;

  private final double[] touchdownDz = new double[LegId.COUNT];
  private final long[] touchdowns = new long[LegId.COUNT];
  private Gait gait;
  private double phase;
  private double stepHeight;
  private long deferredLiftoffs;

  /**
   * @param initial the gait to start with
   * @param maxStrideMeters stride limit from the gait table, m
   */
  public StepPlanner(Gait initial, double maxStrideMeters) {
    this.gait = initial;
    this.stepHeight = initial.stepHeightMeters();
    this.maxStride = maxStrideMeters;
  }

  /** Sets a neutral foothold (m, walking frame). Call before {@link #placeAllAtNeutral}. */
  public void setNeutral(int leg, double x, double y) {
    neutralX[leg] = x;
    neutralY[leg] = y;
  }

  /** Puts every foot on its neutral foothold, on the ground, at rest. */
  public void placeAllAtNeutral() {
    for (int i = 0; i < LegId.COUNT; i++) {
      footX[i] = neutralX[i];
      footY[i] = neutralY[i];
      footZ[i] = groundZ;
      footVx[i] = 0;
      searching[i] = false;
      footVy[i] = 0;
      swinging[i] = false;
      pending[i] = false;
      deferred[i] = false;
      stanceElapsed[i] = Double.MAX_VALUE / 4; // settled feet may lift at once
    }
  }

  /** Switches the gait row; phase-continuous (see class comment). */
  public void setGait(Gait next) {
    this.gait = next;
  }

  /** The active gait row. */
  public Gait gait() {
    return gait;
  }

  /** Step height for new and current swings, m. */
  public void setStepHeight(double meters) {
    this.stepHeight = meters;
  }

  /**
   * Marks a leg failed (it never lifts, never supports) or restores it. A restored leg was folded
   * in the air: it rejoins as a swing at its top, above its neutral foothold, and lands (or
   * searches for ground) like any other swing, instead of reaching straight for where it stood when
   * it failed.
   */
  public void setFailed(int leg, boolean isFailed) {
    boolean restored = failed[leg] && !isFailed;
    failed[leg] = isFailed;
    if (isFailed) {
      swinging[leg] = false;
      pending[leg] = false;
    } else if (restored) {
      footX[leg] = neutralX[leg];
      footY[leg] = neutralY[leg];
      footVx[leg] = 0;
      footVy[leg] = 0;
      pending[leg] = false;
      deferred[leg] = false;
      searching[leg] = false;
      swinging[leg] = true;
      swingDuration[leg] = gait.swingSeconds();
      swingElapsed[leg] = 0.5 * swingDuration[leg];
      liftZ[leg] = groundZ;
      landZ[leg] = groundZ;
      footZ[leg] = groundZ + stepHeight;
      swingHalfStance[leg] = 0.5 * gait.stanceSeconds();
    }
  }

  /** Re-arms the phase so that legs with offset 0 lift on the next tick. */
  public void startWalking() {
    phase = 1 - 1e-9;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (!swinging[i]) {
        stanceElapsed[i] = Double.MAX_VALUE / 4; // standing feet have been down long enough
      }
    }
  }

  /**
   * Foot contacts for the next {@link #update}: with valid contacts a swing ends early when its
   * foot meets the ground on the way down, and a foot that finds no ground at the end of its swing
   * keeps reaching down for up to {@value #MAX_SEARCH} m. That is what lets the robot climb stairs
   * and cross rough ground it cannot see. Without valid contacts (ideal servos) feet land at the
   * planned height.
   *
   * @param footContact by leg ordinal; kept by reference, not copied
   * @param valid whether the hardware senses contact at all
   */
  public void setContacts(boolean[] footContact, boolean valid) {
    this.contact = footContact;
    this.contactsValid = valid;
  }

  /** Estimated ground height under the body in the walking frame, m (mean of stance feet). */
  public double groundZ() {
    return groundZ;
  }

  /**
   * Advances the feet by {@code dt}.
   *
   * @param vx body velocity forward, m/s
   * @param vy body velocity left, m/s
   * @param wz body yaw rate, rad/s
   * @param allowLiftoff false while stopping or standing: swings finish, none start
   * @param comX centre of mass on the ground plane, walking frame, m (for the lift-off guard)
   * @param comY same, y
   * @param minMargin lift-offs that would leave a smaller margin are deferred, m
   */
  public void update(
      double dt,
      double vx,
      double vy,
      double wz,
      boolean allowLiftoff,
      double comX,
      double comY,
      double minMargin) {
    double previous = phase;
    phase += dt / gait.cycleSeconds();
    phase -= Math.floor(phase);
    double cos = Math.cos(-wz * dt);
    double sin = Math.sin(-wz * dt);
    for (int i = 0; i < LegId.COUNT; i++) {
      if (failed[i] || swinging[i]) {
        continue;
      }
      // Stance: the ground turns by -wz*dt and slides by -v*dt as seen from the body.
      double x = footX[i];
      double y = footY[i];
      footX[i] = cos * x - sin * y - vx * dt;
      footY[i] = sin * x + cos * y - vy * dt;
      footVx[i] = -vx + wz * footY[i];
      footVy[i] = -vy - wz * footX[i];
      stanceElapsed[i] += dt;
      if (searching[i]) {
        if (contact[i] || footZ[i] < landZ[i] - MAX_SEARCH) {
          searching[i] = false;
          touchdown(i, footZ[i] - landZ[i]);
        } else {
          footZ[i] -= (footZ[i] > landZ[i] - NEAR_SEARCH_M ? NEAR_SEARCH_SPEED : SEARCH_SPEED) * dt;
        }
      }
      if (allowLiftoff) {
        double off = gait.offset(LegId.of(i));
        boolean edge =
            !Double.isNaN(off)
                && (phase >= previous
                    ? (off > previous && off <= phase)
                    : (off > previous || off <= phase));
        double ex = footX[i] - neutralX[i];
        double ey = footY[i] - neutralY[i];
        boolean stretched = ex * ex + ey * ey > 0.36 * maxStride * maxStride;
        if (edge || stretched) {
          pending[i] = true;
        }
      } else {
        pending[i] = false;
      }
    }
    for (int i = 0; i < LegId.COUNT; i++) {
      if (swinging[i]) {
        advanceSwing(i, dt, vx, vy, wz);
      }
    }
    // After the swings, so a foot landing this tick already counts as support.
    for (int i = 0; i < LegId.COUNT; i++) {
      if (pending[i]) {
        tryLiftoff(i, comX, comY, minMargin);
      }
    }
    updateGround(dt);
  }

  private void updateGround(double dt) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < LegId.COUNT; i++) {
      if (!failed[i] && !swinging[i] && !searching[i]) {
        sum += footZ[i];
        n++;
      }
    }
    if (n > 0) {
      double target = sum / n;
      double step = GROUND_RATE * dt;
      groundZ += Math.max(-step, Math.min(step, target - groundZ));
    }
  }

  private void tryLiftoff(int leg, double comX, double comY, double minMargin) {
    if (stanceElapsed[leg] < MIN_STANCE_FRACTION * gait.stanceSeconds()) {
      return;
    }
    if (supportMargin(comX, comY, leg) < minMargin) {
      if (!deferred[leg]) {
        deferred[leg] = true;
        deferredLiftoffs++;
      }
      return;
    }
    pending[leg] = false;
    deferred[leg] = false;
    swinging[leg] = true;
    swingElapsed[leg] = 0;
    // Land when the schedule says, so a late lift-off (deferred, or after a gait change) catches
    // up instead of pushing every later step back; never faster than 60 % of a normal swing.
    double nominal = gait.swingSeconds();
    double off = gait.offset(LegId.of(leg));
    double untilTouchdown = nominal;
    if (!Double.isNaN(off)) {
      double left = off + (1 - gait.dutyFactor()) - phase;
      untilTouchdown = (left - Math.floor(left)) * gait.cycleSeconds();
    }
    swingDuration[leg] = Math.max(MIN_SWING_FRACTION * nominal, Math.min(nominal, untilTouchdown));
    liftZ[leg] = footZ[leg];
    landZ[leg] = groundZ;
    searching[leg] = false;
    swingHalfStance[leg] = 0.5 * gait.stanceSeconds();
  }

  private void advanceSwing(int i, double dt, double vx, double vy, double wz) {
    // Touch down half a stance ahead of neutral so the stance is centred on it. The stance time is
    // the one in force at lift-off: a gait change must not move the touch-down point of a foot
    // already in the air (near the end of a swing that would be a jump).
    double half = swingHalfStance[i];
    double nx = neutralX[i];
    double ny = neutralY[i];
    double tx = nx + (vx - wz * ny) * half;
    double ty = ny + (vy + wz * nx) * half;
    double tvx = -vx + wz * ty;
    double tvy = -vy - wz * tx;
    double remaining = swingDuration[i] - swingElapsed[i];
    double liftLeft = LIFT_FRACTION * swingDuration[i] - swingElapsed[i];
    if (liftLeft > 0) {
      // Lifting: the foot's ground-speed motion fades to rest before it travels forward, so it
      // rises nearly straight up instead of dragging into whatever it stood next to.
      double fade = Math.max(0, 1 - dt / liftLeft);
      footVx[i] *= fade;
      footVy[i] *= fade;
      footX[i] += footVx[i] * dt;
      footY[i] += footVy[i] * dt;
    } else {
      double x = footX[i];
      double y = footY[i];
      footX[i] = SwingProfile.hermitePosition(x, footVx[i], tx, tvx, remaining, dt);
      footY[i] = SwingProfile.hermitePosition(y, footVy[i], ty, tvy, remaining, dt);
      footVx[i] = SwingProfile.hermiteVelocity(x, footVx[i], tx, tvx, remaining, dt);
      footVy[i] = SwingProfile.hermiteVelocity(y, footVy[i], ty, tvy, remaining, dt);
    }
    swingElapsed[i] += dt;
    double tau = swingElapsed[i] / swingDuration[i];
    footZ[i] = SwingProfile.height(liftZ[i], landZ[i], stepHeight, tau);
    if (contactsValid && tau > SwingProfile.DESCENT_START && contact[i]) {
      swinging[i] = false; // met the ground early: stand here
      stanceElapsed[i] = 0;
      touchdown(i, footZ[i] - landZ[i]);
      return;
    }
    // Land on the tick that reaches the end, not one tick later because of rounding in the sum.
    if (swingDuration[i] - swingElapsed[i] < 0.5 * dt) {
      swinging[i] = false;
      footZ[i] = landZ[i];
      stanceElapsed[i] = 0;
      searching[i] = contactsValid && !contact[i];
      if (contactsValid && contact[i]) {
        touchdown(i, 0);
      }
    }
  }

  private void touchdown(int leg, double dz) {
    touchdownDz[leg] = dz;
    touchdowns[leg]++;
  }

  /**
   * Sensed touch-downs of {@code leg} since construction: its foot meeting the ground (valid
   * contacts only), on time, early or at the end of a search. A reader that remembers the count
   * sees each one once.
   */
  public long touchdowns(int leg) {
    return touchdowns[leg];
  }

  /**
   * Where leg {@code leg} last met the ground relative to where its swing planned to land, m: above
   * (an obstacle, a step up) positive, below (a hole, a step down) negative, 0 on time.
   */
  public double touchdownDz(int leg) {
    return touchdownDz[leg];
  }

  /**
   * Static stability margin (m) of the feet now on the ground, optionally without one of them.
   *
   * @param comX centre of mass on the ground plane, walking frame, m
   * @param comY same, y
   * @param without a leg ordinal to leave out (the one about to lift), or -1
   */
  public double supportMargin(double comX, double comY, int without) {
    margin.clear();
    for (int j = 0; j < LegId.COUNT; j++) {
      if (j != without && !failed[j] && !swinging[j]) {
        margin.add(footX[j], footY[j]);
      }
    }
    return margin.margin(comX, comY);
  }

  /** True while {@code leg} swings. */
  public boolean isSwinging(int leg) {
    return swinging[leg];
  }

  /** True when no leg swings. */
  public boolean allDown() {
    for (int i = 0; i < LegId.COUNT; i++) {
      if (swinging[i]) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code leg} is marked failed. */
  public boolean isFailed(int leg) {
    return failed[leg];
  }

  /** Global gait phase in [0, 1). */
  public double phase() {
    return phase;
  }

  /** Progress of a leg through its own cycle in [0, 1): swing first, then stance. */
  public double legPhase(int leg) {
    double swingFrac = 1 - gait.dutyFactor();
    if (swinging[leg]) {
      return swingFrac * Math.min(1, swingElapsed[leg] / swingDuration[leg]);
    }
    double s = Math.min(0.999999, stanceElapsed[leg] / gait.stanceSeconds());
    return swingFrac + gait.dutyFactor() * s;
  }

  /** Lift-offs deferred by the stability guard since construction. */
  public long deferredLiftoffs() {
    return deferredLiftoffs;
  }
}
