package robodog.autonomy.store;

/**
 * What one run measured on one route segment (the leg between waypoints {@code segment} and {@code
 * segment + 1}) with one setting ({@code arm}), keyed so that a changed route, another payload
 * class or another failed-leg mask never shares an estimate. Immutable; any thread.
 *
 * @param runId the run that walked it
 * @param routeHash hash of the route's waypoints (a re-taught route under the same name differs)
 * @param massClass payload mass class (see {@code robodog.autonomy.adapt.SegmentKey})
 * @param failedMask failed-leg mask, bit {@code 1 << leg}
 * @param arm the setting's name (see {@code robodog.autonomy.adapt.Arm})
 * @param rmsMps2 IMU linear acceleration RMS about its mean over the segment, m/s²
 * @param timeS time on the segment, s
 * @param cost the learner's cost of this result (lower is better)
 * @param fell the robot fell (or faulted) on the segment
 * @param recoveries balance recoveries on the segment
 * @param slipMps highest foot slip speed seen on the segment, m/s
 */
public record SegmentResult(
    long runId,
    String route,
    String routeHash,
    int segment,
    int massClass,
    int failedMask,
    String arm,
    double rmsMps2,
    double timeS,
    double cost,
    boolean fell,
    int recoveries,
    double slipMps) {
  public SegmentResult {
    check(route != null && !route.isBlank(), "route: expected a route name", route);
    check(routeHash != null && !routeHash.isBlank(), "route_hash: expected a hash", routeHash);
    check(segment >= 0, "segment: expected an index >= 0", segment);
    check(massClass >= 0, "mass_class: expected a class >= 0", massClass);
    check(failedMask >= 0 && failedMask < 64, "failed_mask: expected 6 leg bits", failedMask);
    check(arm != null && !arm.isBlank(), "arm: expected a setting name", arm);
    check(Double.isFinite(rmsMps2) && rmsMps2 >= 0, "rms: expected a finite m/s² >= 0", rmsMps2);
    check(Double.isFinite(timeS) && timeS > 0, "time: expected a finite s > 0", timeS);
    check(Double.isFinite(cost) && cost >= 0, "cost: expected a finite number >= 0", cost);
    check(recoveries >= 0, "recoveries: expected a count >= 0", recoveries);
    check(Double.isFinite(slipMps) && slipMps >= 0, "slip: expected a finite m/s >= 0", slipMps);
  }

  private static void check(boolean ok, String what, Object got) {
    if (!ok) {
      throw new IllegalArgumentException("segment result refused: " + what + ", got " + got);
    }
  }
}
