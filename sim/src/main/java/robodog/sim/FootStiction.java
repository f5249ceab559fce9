package robodog.sim;

import org.ode4j.math.DVector3;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DContact;
import org.ode4j.ode.OdeConstants;
import robodog.core.LegId;

/**
 * Static friction of the feet at the position level: each foot remembers how far it has slipped
 * along the ground since it touched down, and its contact's friction rows are asked to move it back
 * (ODE's surface velocity, {@code dContactMotion1}, along the slip), up to a breakaway distance
 * beyond which the foot really slides and drags its anchor along.
 *
 * <p>Why: ODE's friction is a velocity constraint solved by QuickStep's few Gauss-Seidel
 * iterations, which never converge exactly, and nothing corrects the position a residual velocity
 * moves a foot by. Under the steady tangential loads of a standing robot the residual is one sign
 * tick after tick, so a robot holding perfectly still joint targets walked off on its own: 0.85
 * mrad/s of yaw and 0.3 mm/s sideways at the default 10 iterations (more with 40), 0.3–0.7 mm/s
 * standing under the controller. ODE's exact (Dantzig) solver on the same scene does not move at
 * all, so the creep is the solver's, not the physics'. The correction is what a rubber foot's
 * tangential compliance is before it breaks away (Bullet's "friction anchors" do the same): a slip
 * of {@value #BREAKAWAY_M} m at most is pulled back at {@value #GAIN_PER_S}/s, and a foot whose
 * friction is exceeded (ice, a push) still slides, with the pull-back's bias below {@value
 * #BREAKAWAY_M} × {@value #GAIN_PER_S} m/s.
 *
 * <p>The slip is the integrated tangential velocity of the foot's material point at the contact,
 * not the displacement of the sphere's centre, so a foot that rolls as its leg tilts over it is not
 * held back. Steps without a touch within {@link #HOLD_S} of the last (a resting foot's contact
 * flickers at the solver's sub-millimetre level) keep integrating the motion of the point that
 * touched last; longer and the foot has lifted, and the slip is forgotten.
 *
 * <p>Simulation thread only; allocation-free.
 */
final class FootStiction {
  /** Slip beyond which the foot breaks away and slides, m. */
  static final double BREAKAWAY_M = 0.001;

  /** Rate at which a slip is pulled back, 1/s. */
  static final double GAIN_PER_S = 10.0;

  /** A foot that touched nothing for longer than this has lifted off, s. */
  static final double HOLD_S = 0.02;

  private final double[] slip = new double[3 * LegId.COUNT];
  private final double[] normal = new double[3 * LegId.COUNT];
  private final double[] point = new double[3 * LegId.COUNT];
  private final double[] sinceTouchS = new double[LegId.COUNT];
  private final boolean[] touched = new boolean[LegId.COUNT];
  private final DBody[] bodies = new DBody[LegId.COUNT];
  private final DVector3 vel = new DVector3();

  FootStiction() {
    java.util.Arrays.fill(sinceTouchS, Double.POSITIVE_INFINITY);
  }

  /** Starts a step: no foot has touched in it yet. */
  void beginStep() {
    for (int i = 0; i < LegId.COUNT; i++) {
      touched[i] = false;
    }
  }

  /**
   * Sets up contact {@code c} of leg {@code leg}'s foot sphere (on {@code body}) for this step: the
   * friction rows' first direction along the slip to undo, with the surface velocity that undoes
   * it. {@code c.geom} must be filled.
   */
  void apply(int leg, DBody body, DContact c) {
    int k = 3 * leg;
    DVector3C n = c.geom.normal;
    DVector3C p = c.geom.pos;
    touched[leg] = true;
    bodies[leg] = body;
    normal[k] = n.get0();
    normal[k + 1] = n.get1();
    normal[k + 2] = n.get2();
    point[k] = p.get0();
    point[k + 1] = p.get1();
    point[k + 2] = p.get2();
    if (sinceTouchS[leg] > HOLD_S) {
      slip[k] = slip[k + 1] = slip[k + 2] = 0; // a new touch-down: a new anchor
    }
    double sx = slip[k];
    double sy = slip[k + 1];
    double sz = slip[k + 2];
    double along = sx * normal[k] + sy * normal[k + 1] + sz * normal[k + 2];
    sx -= along * normal[k];
    sy -= along * normal[k + 1];
    sz -= along * normal[k + 2];
    double len = Math.sqrt(sx * sx + sy * sy + sz * sz);
    if (len < 1e-9) {
      return;
    }
    // Friction direction 1 against the slip; the solver then drives the foot's contact velocity
    // along it to motion1 (ODE: J1 = fdir1 on the first body, the foot; the terrain is static).
    c.fdir1.set(-sx / len, -sy / len, -sz / len);
    c.surface.mode |= OdeConstants.dContactFDir1 | OdeConstants.dContactMotion1;
    c.surface.motion1 = GAIN_PER_S * len;
  }

  /** After the step of {@code dt} s: integrates each foot's slip, forgets lifted feet. */
  void endStep(double dt) {
    for (int i = 0; i < LegId.COUNT; i++) {
      int k = 3 * i;
      sinceTouchS[i] = touched[i] ? 0 : sinceTouchS[i] + dt;
      if (sinceTouchS[i] > HOLD_S || bodies[i] == null) {
        continue;
      }
      bodies[i].getPointVel(point[k], point[k + 1], point[k + 2], vel);
      double vx = vel.get0();
      double vy = vel.get1();
      double vz = vel.get2();
      double along = vx * normal[k] + vy * normal[k + 1] + vz * normal[k + 2];
      double sx = slip[k] + (vx - along * normal[k]) * dt;
      double sy = slip[k + 1] + (vy - along * normal[k + 1]) * dt;
      double sz = slip[k + 2] + (vz - along * normal[k + 2]) * dt;
      double len = Math.sqrt(sx * sx + sy * sy + sz * sz);
      double scale = len > BREAKAWAY_M ? BREAKAWAY_M / len : 1; // broke away: the anchor follows
      slip[k] = sx * scale;
      slip[k + 1] = sy * scale;
      slip[k + 2] = sz * scale;
    }
  }
}
