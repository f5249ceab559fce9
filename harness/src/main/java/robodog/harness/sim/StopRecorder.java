package robodog.harness.sim;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import robodog.core.Mode;
import robodog.core.Notice;
import robodog.sim.SimWorld;

/**
 * Watches one simulated run, tick by tick, for what a carried camera feels: every E-stop (its
 * category, how long until servo power went off, the peak vertical body acceleration and downward
 * speed until the body rests) and every fall (the body box meeting the ground, or tilting beyond
 * 45°, while the controller was driving the legs). Lying on the ground after servo power went off
 * is not a fall. Ground truth from the physics; the payload sits on a fixed joint, so it moves with
 * the body. Control (= simulation) thread only.
 */
public final class StopRecorder {
  /** Body acceleration is differentiated over this window, s: a single physics step is noise. */
  static final double ACCEL_WINDOW_S = 0.01;

  /** A stop is watched until this long after servo power went off, s (the body is at rest). */
  static final double REST_AFTER_CUT_S = 1.0;

  // A fall counts only after the body was clear of the ground this long, s (contact flicker while
  // a robot lifts itself off the ground is not a new fall).
  private static final double UP_BEFORE_FALL_S = 0.5;
  private static final double FALL_TILT_RAD = Math.toRadians(45);

  private final List<SimReport.Stop> stops = new ArrayList<>();
  private final PrintWriter console;
  private final double[] v = new double[3];
  private final double[] rpy = new double[3];
  private Mode lastMode;
  private int falls;
  private double upSinceS = 0;
  private boolean wasDown;
  private boolean active;
  private String category;
  private double t0;
  private double tCut;
  private double peakAccel;
  private double peakDrop;
  private double winT = Double.NaN;
  private double winVz;

  /** {@code console} gets one line per stop and per fall (null: none). */
  public StopRecorder(PrintWriter console) {
    this.console = console;
  }

  /**
   * One control tick at simulated time {@code t} (s): the controller's mode and notice after the
   * tick, whether the servo outputs were on, and the world after the physics step.
   */
  public void update(double t, Mode mode, Notice notice, boolean enabled, SimWorld world) {
    world.bodyLinearVelocity(v);
    if (Double.isNaN(winT) || t - winT >= ACCEL_WINDOW_S) {
      if (active && !Double.isNaN(winT)) {
        peakAccel = Math.max(peakAccel, Math.abs(v[2] - winVz) / (t - winT));
      }
      winT = t;
      winVz = v[2];
    }
    if (mode == Mode.ESTOP && lastMode != Mode.ESTOP && !active) {
      active = true;
      category =
          notice == Notice.ESTOP_SETTLING
              ? "settle"
              : notice == Notice.FALL_DETECTED ? "fall" : "cut";
      t0 = t;
      tCut = enabled ? Double.NaN : t;
      peakAccel = 0;
      peakDrop = 0;
    }
    if (active) {
      peakDrop = Math.max(peakDrop, -v[2]);
      if (Double.isNaN(tCut) && !enabled) {
        tCut = t;
      }
      if (!Double.isNaN(tCut) && t - tCut >= REST_AFTER_CUT_S) {
        finishStop(world);
      }
    }
    watchFalls(t, mode, world);
    lastMode = mode;
  }

  private void watchFalls(double t, Mode mode, SimWorld world) {
    world.bodyRpy(rpy);
    boolean down =
        world.bodyTouching()
            || Math.abs(rpy[0]) > FALL_TILT_RAD
            || Math.abs(rpy[1]) > FALL_TILT_RAD;
    boolean driving = mode == Mode.SITTING || mode == Mode.STANDING || mode == Mode.WALKING;
    if (!down && wasDown) {
      upSinceS = t;
    }
    if (down && !wasDown && driving && t - upSinceS >= UP_BEFORE_FALL_S) {
      falls++;
      if (console != null) {
        console.printf(
            Locale.ROOT,
            "fall at %.2f s (%s): the run goes on; release the E-stop (if latched) and ask for a"
                + " mode to stand up%n",
            t,
            world.bodyTouching() ? "body on the ground" : "tilted beyond 45 degrees");
        console.flush();
      }
    }
    wasDown = down;
  }

  private void finishStop(SimWorld world) {
    SimReport.Stop s =
        new SimReport.Stop(
            category,
            t0,
            Double.isNaN(tCut) ? Double.NaN : tCut - t0,
            peakAccel,
            peakDrop,
            world.bodyPosition().get2());
    stops.add(s);
    active = false;
    if (console != null) {
      console.printf(
          Locale.ROOT,
          "E-stop (%s) at %.2f s: servo power off after %.2f s; peak vertical body acceleration"
              + " %.1f m/s², peak drop speed %.2f m/s; the run goes on%n",
          s.category(),
          s.atS(),
          s.powerOffAfterS(),
          s.peakVerticalAccelMps2(),
          s.peakDropSpeedMps());
      console.flush();
    }
  }

  /** Ends a stop still being watched at the end of the run (its figures so far). */
  public void finish(SimWorld world) {
    if (active) {
      finishStop(world);
    }
  }

  /** Falls counted so far. */
  public int falls() {
    return falls;
  }

  /** How many E-stops were watched to rest so far (allocation-free). */
  public int stopCount() {
    return stops.size();
  }

  /** The E-stops watched to rest so far, in order. */
  public List<SimReport.Stop> stops() {
    return List.copyOf(stops);
  }
}
