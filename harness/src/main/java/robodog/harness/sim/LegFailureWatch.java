package robodog.harness.sim;

import robodog.core.LegId;
import robodog.core.Telemetry;
import robodog.locomotion.health.LegHealthMonitor;
import robodog.sim.SimWorld;
import robodog.sim.failure.LegFailure;

/**
 * Watches one run for a leg failure: when the world broke a leg (ground truth) and when the
 * controller declared one (its telemetry), for {@link SimReport#legFailure}. A suspicion the
 * controller withdrew (the folded leg moved freely in the air) is an obstruction, not a detection;
 * one still under test when the run ends counts as a detection. Control thread of the run;
 * allocation-free per tick.
 */
final class LegFailureWatch {
  private final SimWorld world;
  private final LegHealthMonitor monitor;
  private double brokeAtS = Double.NaN;
  private double detectedAtS = Double.NaN;
  private int detectedLeg = -1;
  private String evidence;
  private int suspectLeg = -1;
  private double suspectAtS = Double.NaN;
  private String suspectEvidence;
  private int obstructions;

  LegFailureWatch(SimWorld world, LegHealthMonitor monitor) {
    this.world = world;
    this.monitor = monitor;
  }

  /** After a tick ending at simulated time {@code t}, s. */
  void update(double t, Telemetry tel) {
    if (Double.isNaN(brokeAtS) && world.legBroken()) {
      brokeAtS = world.legFailure().atS();
    }
    obstructions = tel.legObstructions;
    if (tel.detectedFailedLegMask == 0) {
      suspectLeg = -1;
      return;
    }
    if (suspectLeg < 0) {
      suspectLeg = Integer.numberOfTrailingZeros(tel.detectedFailedLegMask);
      suspectAtS = t;
      suspectEvidence = tel.legFailureEvidence.wireName();
    }
    if (detectedLeg < 0 && tel.legFailureConfirmed) {
      detectedLeg = suspectLeg;
      detectedAtS = suspectAtS;
      evidence = suspectEvidence;
    }
  }

  /** Simulated time of the detection, s; NaN while none. */
  double detectedAtS() {
    return detectedAtS;
  }

  /** The report entry. */
  SimReport.LegFailureReport report() {
    if (detectedLeg < 0 && suspectLeg >= 0) {
      detectedLeg = suspectLeg;
      detectedAtS = suspectAtS;
      evidence = suspectEvidence;
    }
    LegFailure f = world.legFailure();
    boolean broke = !Double.isNaN(brokeAtS);
    boolean found = detectedLeg >= 0;
    return new SimReport.LegFailureReport(
        f == null ? null : f.label() + (broke ? "" : " (not reached)"),
        broke ? brokeAtS : null,
        found ? LegId.of(detectedLeg).shortName() : null,
        evidence,
        found ? detectedAtS : null,
        found && broke ? detectedAtS - brokeAtS : null,
        monitor.peakTrackFraction(),
        monitor.peakNoContactS(),
        obstructions);
  }
}
