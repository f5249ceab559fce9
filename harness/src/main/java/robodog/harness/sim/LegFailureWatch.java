package robodog.harness.sim;

import robodog.core.LegId;
import robodog.core.Telemetry;
import robodog.sim.SimWorld;
import robodog.sim.failure.LegFailure;

/**
 * Watches one run for a leg failure: when the world broke a leg (ground truth) and when the
 * controller declared one (its telemetry), for {@link SimReport#legFailure}. Control thread of
 * the run; allocation-free per tick.
 */
final class LegFailureWatch {
  private final SimWorld world;
  private double brokeAtS = Double.NaN;
  private double detectedAtS = Double.NaN;
  private int detectedLeg = -1;
  private String evidence;

  LegFailureWatch(SimWorld world) {
    this.world = world;
  }

  /** After a tick ending at simulated time {@code t}, s. */
  void update(double t, Telemetry tel) {
    if (Double.isNaN(brokeAtS) && world.legBroken()) {
      brokeAtS = world.legFailure().atS();
    }
    if (detectedLeg < 0 && tel.detectedFailedLegMask != 0) {
      detectedLeg = Integer.numberOfTrailingZeros(tel.detectedFailedLegMask);
      detectedAtS = t;
      evidence = tel.legFailureEvidence.wireName();
    }
  }

  /** Simulated time of the detection, s; NaN while none. */
  double detectedAtS() {
    return detectedAtS;
  }

  /** The report entry, or null when nothing broke and nothing was detected. */
  SimReport.LegFailureReport report() {
    LegFailure f = world.legFailure();
    if (f == null && detectedLeg < 0) {
      return null;
    }
    boolean broke = !Double.isNaN(brokeAtS);
    boolean found = detectedLeg >= 0;
    return new SimReport.LegFailureReport(
        f == null ? null : f.label() + (broke ? "" : " (not reached)"),
        broke ? brokeAtS : null,
        found ? LegId.of(detectedLeg).shortName() : null,
        evidence,
        found ? detectedAtS : null,
        found && broke ? detectedAtS - brokeAtS : null);
  }
}
