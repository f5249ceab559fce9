package robodog.autonomy.adapt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import robodog.autonomy.store.SegmentResult;

/**
 * The run-over-run curve of one route from its stored segment results: per run, in run order, the
 * IMU acceleration RMS over the segments it stored (time-weighted), their time, falls, balance
 * recoveries, the mean cost and how many segments walked a learned setting rather than the
 * profile's own. Pure; any thread.
 */
public final class LearningCurve {
  /**
   * One run's point.
   *
   * @param imuRmsMps2 time-weighted RMS over the run's stored segments, m/s²
   * @param timeS their summed time, s
   * @param learned segments walked with another arm than {@link Arm#BASE}
   */
  public record Point(
      long runId,
      String routeHash,
      int massClass,
      int failedMask,
      int segments,
      double imuRmsMps2,
      double timeS,
      int falls,
      int recoveries,
      double meanCost,
      int learned) {}

  private LearningCurve() {}

  /** The points of {@code results} (oldest first), one per run. */
  public static List<Point> of(List<SegmentResult> results) {
    Map<Long, List<SegmentResult>> byRun = new LinkedHashMap<>();
    for (SegmentResult r : results) {
      byRun.computeIfAbsent(r.runId(), k -> new ArrayList<>()).add(r);
    }
    List<Point> out = new ArrayList<>();
    for (List<SegmentResult> l : byRun.values()) {
      double sq = 0;
      double t = 0;
      double cost = 0;
      int falls = 0;
      int rec = 0;
      int learned = 0;
      for (SegmentResult r : l) {
        sq += r.rmsMps2() * r.rmsMps2() * r.timeS();
        t += r.timeS();
        cost += r.cost();
        falls += r.fell() ? 1 : 0;
        rec += r.recoveries();
        learned += r.arm().equals(Arm.BASE.name()) ? 0 : 1;
      }
      SegmentResult f = l.get(0);
      out.add(
          new Point(
              f.runId(),
              f.routeHash(),
              f.massClass(),
              f.failedMask(),
              l.size(),
              Math.sqrt(sq / t),
              t,
              falls,
              rec,
              cost / l.size(),
              learned));
    }
    return out;
  }
}
