package robodog.locomotion;

import robodog.locomotion.body.BodyPose;

/**
 * Finite-value checks for the controller's outputs and motion state. Allocation-free; any thread.
 */
final class FiniteCheck {
  private FiniteCheck() {}

  /** True when every element is finite (neither NaN nor infinite). */
  static boolean all(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** True when every coordinate of the pose is finite. */
  static boolean pose(BodyPose p) {
    return Double.isFinite(p.height)
        && Double.isFinite(p.roll)
        && Double.isFinite(p.pitch)
        && Double.isFinite(p.yaw)
        && Double.isFinite(p.shiftX)
        && Double.isFinite(p.shiftY)
        && Double.isFinite(p.groundZ);
  }
}
